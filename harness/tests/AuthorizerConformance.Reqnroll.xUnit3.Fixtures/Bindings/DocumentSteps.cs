using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;

[Binding]
public sealed class DocumentSteps(DocumentStore store)
{
    [Given("an empty document store")]
    public void Empty() => store.Documents.Clear();

    [When("I store a document named {string} with content:")]
    public void Store(string name, string content) => store.Documents[name] = content;

    [When("I store the following documents:")]
    public void StoreAll(DataTable table)
    {
        foreach (var row in table.Rows)
            store.Documents[row["name"]] = row["content"];
    }

    [Then("the store should contain {int} document(s)")]
    public void Count(int count) => Assert.Equal(count, store.Documents.Count);

    [Then("the document {string} should contain {string}")]
    public void Contains(string name, string text) => Assert.Contains(text, store.Documents[name], StringComparison.Ordinal);

    [Then("the tag-scoped hook has run")]
    public void TagHookRan() => Assert.True(store.TagScopedHookRan);
}

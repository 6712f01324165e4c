namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>Gherkin tags as Reqnroll and xUnit traits want them: without the leading <c>@</c>.</summary>
internal static class Tags
{
    public static string[] Of(IEnumerable<Io.Cucumber.Messages.Types.Tag> tags) => tags.Select(t => Strip(t.Name)).ToArray();

    public static string Strip(string tag) => tag.StartsWith('@') ? tag[1..] : tag;
}

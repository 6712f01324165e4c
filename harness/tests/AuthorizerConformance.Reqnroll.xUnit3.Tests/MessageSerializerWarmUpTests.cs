using Reqnroll.Formatters.PayloadProcessing;

namespace AuthorizerConformance.Reqnroll.xUnit3.Tests;

/// <summary>The serializer warm-up: the messages it serializes are the feature's own and one of each kind a run writes.</summary>
public sealed class MessageSerializerWarmUpTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warm-up-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Every_message_serializes_and_reads_back_as_the_kind_it_is()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "Broken.feature"), "this is not gherkin");
        File.WriteAllText(Path.Combine(_folder.FullName, "Pets.feature"), "Feature: Pets\n  Scenario: Read\n    Given pet 1\n");

        var messages = MessageSerializerWarmUp.Messages(FeatureCatalog.Load(_folder.FullName)).ToList();

        // The first loaded feature's own messages (the broken file has none), then the run's.
        Assert.Equal("Pets.feature", messages[0].Source.Uri);
        Assert.Equal("Pets", messages[1].GherkinDocument.Feature.Name);
        Assert.Equal("Read", messages[2].Pickle.Name);
        var kinds = messages.Select(Kind).ToList();
        Assert.Equal(["source", "gherkinDocument", "pickle", "meta", "stepDefinition", "hook", "testRunStarted", "testCase", "testCaseStarted",
            "testStepStarted", "testStepFinished", "testCaseFinished", "attachment", "testRunFinished"], kinds);
        foreach (var message in messages)
        {
            var text = NdjsonSerializer.Serialize(message);
            Assert.Equal(Kind(message), Kind(NdjsonSerializer.Deserialize(text)));
        }
    }

    [Fact]
    public void A_folder_without_a_loaded_feature_still_has_the_run_messages()
    {
        var messages = MessageSerializerWarmUp.Messages(FeatureCatalog.Load(Path.Combine(_folder.FullName, "missing"))).ToList();

        Assert.Equal("meta", Kind(messages[0]));
        Assert.Equal(11, messages.Count);
    }

    // The one member an envelope sets, by its JSON name.
    private static string Kind(Io.Cucumber.Messages.Types.Envelope envelope) =>
        System.Text.Json.JsonDocument.Parse(NdjsonSerializer.Serialize(envelope)).RootElement.EnumerateObject().Single().Name;
}

using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// The Cucumber messages of one feature (source, document, pickles) that Reqnroll's HTML and message formatters
/// need. Replaces the generator's embedded <c>.ndjson</c> resource.
/// </summary>
internal sealed class RuntimeFeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles)
    : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public GherkinDocument GherkinDocument => document;

    public IEnumerable<Pickle> Pickles => pickles;

    public Source Source => source;
}

/// <summary>Message ids unique across features (the formatters require it): the file path, '#', a counter.</summary>
internal sealed class PrefixedIdGenerator(string prefix) : Gherkin.CucumberMessages.IIdGenerator
{
    private int _next;

    public string GetNewId() => $"{prefix}#{_next++}";
}

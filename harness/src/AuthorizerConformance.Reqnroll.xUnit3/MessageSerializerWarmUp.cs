using System.Runtime.CompilerServices;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Does the one-time work of Reqnroll's Cucumber-message serializer (the HTML and message formatters') ahead of the test
/// run's start, which every scenario waits for and which serializes the run's first message: the type initializer of its
/// enum converter enumerates the types of every loaded assembly (≈ 0.1–0.2 s), and System.Text.Json builds its metadata for each message type
/// on the first message of that type. Serializes one message of each kind a run writes and discards the text: nothing is
/// written, and nothing changes but those caches. A failure here is ignored (the formatters then do the same work, and
/// report any error, as without this).
/// </summary>
public static class MessageSerializerWarmUp
{
    private static int _started;

    /// <summary>
    /// Starts the warm-up on a thread of its own (<see cref="StartUpWork"/>), once per process: the messages of <see cref="Messages"/>, with
    /// <paramref name="catalog"/>'s first loaded feature. Call it after discovery has parsed the features (in parallel:
    /// it needs both cores) and before the test run starts.
    /// </summary>
    public static void Start(FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (Interlocked.Exchange(ref _started, 1) == 0)
            StartUpWork.Start(() => Run(catalog));
    }

    private static void Run(FeatureCatalog catalog)
    {
        try
        {
            // Cucumber.Messages loaded first: the converter's type initializer looks for the message enums among the loaded assemblies.
            RuntimeHelpers.RunClassConstructor(typeof(Envelope).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(CucumberMessagesEnumConverterFactory).TypeHandle);
            foreach (var envelope in Messages(catalog))
                _ = NdjsonSerializer.Serialize(envelope);
        }
#pragma warning disable CA1031 // a warm-up only: the formatters meet any real error themselves
        catch (System.Exception)
        {
        }
#pragma warning restore CA1031
    }

    /// <summary>
    /// Every message the warm-up serializes: <paramref name="catalog"/>'s first loaded feature's source, document and
    /// first pickle, then one made-up message of each kind a run writes after them.
    /// </summary>
    public static IEnumerable<Envelope> Messages(FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return FeatureMessages(catalog).Concat(RunMessages());
    }

    private static IEnumerable<Envelope> FeatureMessages(FeatureCatalog catalog)
    {
        if (catalog.Files.FirstOrDefault(f => f.Messages is not null)?.Messages is { } feature)
        {
            yield return Envelope.Create(feature.Source);
            yield return Envelope.Create(feature.GherkinDocument);
            if (feature.Pickles.FirstOrDefault() is { } pickle)
                yield return Envelope.Create(pickle);
        }
    }

    private static IEnumerable<Envelope> RunMessages()
    {
        var now = new Timestamp(0, 0);
        var source = new SourceReference("warm-up", new JavaMethod("WarmUp", "Step", []), null, new Location(1, 1));
        yield return Envelope.Create(new Meta("0", new Product("warm-up", "0"), new Product("warm-up", "0"), new Product("warm-up", "0"), new Product("warm-up", "0"), null));
        yield return Envelope.Create(new StepDefinition("s", new StepDefinitionPattern("a step", StepDefinitionPatternType.CUCUMBER_EXPRESSION), source));
        yield return Envelope.Create(new Hook("h", "hook", source, null, HookType.BEFORE_TEST_CASE));
        yield return Envelope.Create(new TestRunStarted(now, "r"));
        yield return Envelope.Create(new TestCase("c", "p", [new TestStep(null, "t", "ps", ["s"], [new StepMatchArgumentsList([new StepMatchArgument(new Group([], 0, "x"), "string")])])], "r"));
        yield return Envelope.Create(new TestCaseStarted(0, "cs", "c", "w", now));
        yield return Envelope.Create(new TestStepStarted("cs", "t", now));
        yield return Envelope.Create(new TestStepFinished("cs", "t", new TestStepResult(new Duration(0, 0), "m", TestStepResultStatus.FAILED, new Io.Cucumber.Messages.Types.Exception("E", "m", "s")), now));
        yield return Envelope.Create(new TestCaseFinished("cs", now, false));
        yield return Envelope.Create(new Attachment("b", AttachmentContentEncoding.IDENTITY, null, "text/plain", null, "cs", "t", null, null, null, now));
        yield return Envelope.Create(new TestRunFinished(null, true, now, null, "r"));
    }
}

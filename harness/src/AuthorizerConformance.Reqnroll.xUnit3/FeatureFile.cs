using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// One <c>.feature</c> file: its text, the Reqnroll <see cref="FeatureInfo"/> (with the Cucumber messages the
/// formatters need) and its rows. A file that cannot be read or parsed has a <see cref="LoadError"/> and exactly one
/// row, which fails with that error.
/// </summary>
public sealed class FeatureFile
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly (long Length, DateTime LastWriteUtc)? _stamp;

    private FeatureFile(string directory, string relativePath, string? text, (long, DateTime)? stamp = null)
    {
        Directory = directory;
        RelativePath = relativePath;
        Text = text;
        _stamp = stamp;
    }

    /// <summary>The features folder this file was read from.</summary>
    public string Directory { get; }

    /// <summary>Path relative to the features folder, with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>The text as read, or null when it could not be read.</summary>
    public string? Text { get; }

    /// <summary>The feature, or null when the file did not load.</summary>
    public FeatureInfo? FeatureInfo { get; private set; }

    /// <summary>The Cucumber messages of the feature (source, document, pickles), or null when the file did not load.</summary>
    internal IFeatureLevelCucumberMessages? Messages { get; private set; }

    /// <summary>Why the file did not load (every parser error with its line), or null.</summary>
    public string? LoadError { get; private set; }

    /// <summary>The runnable rows of this file.</summary>
    public IReadOnlyList<ScenarioDefinition> Scenarios { get; private set; } = [];

    /// <summary>Reads and parses one file. Never throws for bad content.</summary>
    public static FeatureFile Load(string directory, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(relativePath);
        string text;
        (long, DateTime)? stamp;
        try
        {
            // Stamped before the read: a write after the stamp changes it, so IsCurrent reads the file again. A file
            // written shortly before (within the file system's timestamp granularity) could change without changing
            // its stamp ("racy git"): it gets no stamp and is always compared by content.
            var readAt = DateTime.UtcNow;
            stamp = Stamp(Path.Combine(directory, relativePath)) is { } s && s.Item2 < readAt - RacyWindow ? s : null;
            text = File.ReadAllText(Path.Combine(directory, relativePath));
        }
        catch (System.Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new FeatureFile(directory, relativePath, null), $"{relativePath}: cannot be read: {e.Message}");
        }
        var file = new FeatureFile(directory, relativePath, text, stamp);
        try
        {
            return Parse(file);
        }
#pragma warning disable CA1031 // discovery must never crash: any fault of one file becomes that file's failing row
        catch (System.Exception e)
        {
            return Failed(file, $"{relativePath}: cannot be loaded: {e.GetType().Name}: {e.Message}");
        }
#pragma warning restore CA1031
    }

    /// <summary>The single failing row reported when the features folder itself is missing.</summary>
    public static FeatureFile Missing(string directory) =>
        Failed(new FeatureFile(directory, ".", null),
            $"The features folder '{directory}' does not exist (set {FeatureDirectory.EnvironmentVariable} or build the test project).");

    /// <summary>
    /// True when the file on disk still has the text this instance was parsed from. Checked before every scenario, so
    /// the common case costs one <c>stat</c>: same length and modification time as when it was read means unchanged;
    /// otherwise the text is read and compared.
    /// </summary>
    public bool IsCurrent()
    {
        if (Text is null)
            return false;
        try
        {
            var path = Path.Combine(Directory, RelativePath);
            return (_stamp is { } stamp && Stamp(path) is { } now && now == stamp) || File.ReadAllText(path) == Text;
        }
        catch (System.Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Length and last write time of the file, or null when it is missing.</summary>
    private static (long, DateTime)? Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    private static FeatureFile Parse(FeatureFile file)
    {
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(file.Text!));
        }
        catch (CompositeParserException e)
        {
            return Failed(file, string.Join(Environment.NewLine, e.Errors.Select(error => Describe(file.RelativePath, error))));
        }
        catch (ParserException e)
        {
            return Failed(file, Describe(file.RelativePath, e));
        }
        if (ast.Feature is null)
            return Failed(file, $"{file.RelativePath}(1,1): the file has no 'Feature:' line.");

        var ids = new PrefixedIdGenerator(file.RelativePath);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, file.RelativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        var messages = new RuntimeFeatureMessages(
            new Source(file.RelativePath, file.Text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);

        file.Messages = messages;
        var feature = document.Feature;
        file.FeatureInfo = new FeatureInfo(
            Culture(feature.Language), Path.GetDirectoryName(file.RelativePath)?.Replace('\\', '/') ?? "",
            feature.Name, feature.Description, ProgrammingLanguage.CSharp, Tags.Of(feature.Tags), messages);
        file.Scenarios = ScenarioBuilder.Build(file, feature, pickles);
        return file;
    }

    // A specific culture where the language has one, as Reqnroll's generated code has (its default feature language is
    // en-US): for a neutral one ("en", Gherkin's default dialect) Reqnroll looked the specific culture up again, uncached,
    // at every binding call. A dialect without one (en-pirate, em, tlh) keeps its own culture, as before.
    private static CultureInfo Culture(string language) =>
        CultureInfo.CreateSpecificCulture(language) is { Name.Length: > 0 } specific ? specific : new CultureInfo(language);

    private static string Describe(string relativePath, ParserException error) =>
        error.Location is { } at
            ? $"{relativePath}({at.Line},{at.Column}): {StripLocation(error.Message)}"
            : $"{relativePath}: {error.Message}";

    // Gherkin prefixes its messages with "(line:column): "; the file-qualified location replaces it.
    private static string StripLocation(string message) =>
        message.StartsWith('(') && message.IndexOf("): ", StringComparison.Ordinal) is var end and > 0 ? message[(end + 3)..] : message;

    private static FeatureFile Failed(FeatureFile file, string error)
    {
        file.LoadError = error;
        file.Scenarios = [ScenarioDefinition.ForLoadError(file, error)];
        return file;
    }
}

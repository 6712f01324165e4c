using System.Text;
using System.Text.Json;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Harness.Profiles;

/// <summary>
/// Reads an authorizer profile file strictly: every error is reported (not only the first) with the file, its line and
/// JSON path; a key the harness does not know is an error; comments are allowed, duplicate keys are not. Later work
/// adds keys with <see cref="RegisterKey"/> and function kinds with <see cref="ProfileFunctionKinds.Register"/>.
/// </summary>
public static partial class AuthorizerProfileReader
{
    /// <summary>A profile file larger than this is refused (a profile is a few hundred bytes).</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, AllowDuplicateProperties = false, MaxDepth = 16,
    };

    private static readonly Dictionary<string, Func<JsonElement, string?>> ExtensionKeys = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>
    /// Adds a top-level key later work needs (issue 12's <c>region</c>…). <paramref name="validate"/> returns an error
    /// message or null; the value's JSON text lands in <see cref="AuthorizerProfile.Extensions"/>.
    /// </summary>
    public static void RegisterKey(string name, Func<JsonElement, string?> validate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(validate);
        lock (Gate)
        {
            if (TopKeys.Contains(name) || !ExtensionKeys.TryAdd(name, validate))
                throw new ArgumentException($"the profile key \"{name}\" is already known", nameof(name));
        }
    }

    /// <summary>Reads the profile at <paramref name="path"/>, relative to the current directory.</summary>
    public static ProfileLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return Failed(path, "$", $"the profile file does not exist (looked for {full})");
        byte[] bytes;
        try
        {
            // Bounded while reading: a device or pipe that reports no length (/dev/zero) stops at the bound (issue 16 class 13).
            bytes = Encoding.UTF8.GetBytes(BoundedInput.ReadFile(full, MaxBytes, "the profile file"));
        }
        catch (InputException e)
        {
            return Failed(path, "$", e.Message);
        }
        return Parse(bytes, path, Path.GetDirectoryName(full)!, full);
    }

    /// <summary>Reads profile JSON text; <paramref name="file"/> names it in errors, <paramref name="baseDirectory"/>
    /// is where its relative paths resolve.</summary>
    public static ProfileLoadResult Parse(string json, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), file, baseDirectory, null);
    }

    private static ProfileLoadResult Parse(byte[] utf8, string file, string baseDirectory, string? sourceFile)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var span = utf8.AsSpan();
        if (span.StartsWith(bom))
            span = span[3..];
        JsonDocument document;
        try
        {
            // A member name that is an escaped lone surrogate cannot be compared for duplicates; StrictJson parses it without
            // that check, and the text check below names it.
            document = StrictJson.Parse(span.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            return new ProfileLoadResult(null, [new ProfileError(file, (int?)e.LineNumber + 1, e.Path ?? "$", $"not valid JSON: {FirstSentence(e.Message)}")]);
        }
        using (document)
        {
            // Half a surrogate pair as an escape is valid JSON but not text: name it instead of failing on reading it.
            if (JsonTextCheck.FirstNonText(document.RootElement, "$") is { } notText)
                return Failed(file, notText.Path, notText.Message);
            var lines = JsonLineMap.Build(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
            var reading = new Reading(file, lines);
            var profile = reading.Profile(document.RootElement, file, baseDirectory, sourceFile);
            return reading.Errors.Count == 0 ? new ProfileLoadResult(profile, []) : new ProfileLoadResult(null, reading.Errors);
        }
    }

    private static ProfileLoadResult Failed(string file, string path, string message) =>
        new(null, [new ProfileError(file, null, path, message)]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>The profile reader as <c>AUTHZ_PROFILE</c> reaches it: the input is written to a file and loaded.</summary>
internal static class ProfileTarget
{
    // One folder per process (the fuzzer runs one process per target): relative paths in a profile resolve inside it.
    private static readonly Lazy<string> Folder = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"authz-fuzz-profile-{Environment.ProcessId}")).FullName);

    private static long _calls;

    public static FuzzVerdict Classify(byte[] input)
    {
        // A file per call: callers on several threads (the test run) never read each other's input.
        var file = Path.Combine(Folder.Value, $"profile-{Interlocked.Increment(ref _calls)}.json");
        File.WriteAllBytes(file, input);
        ProfileLoadResult loaded;
        try
        {
            loaded = AuthorizerProfileReader.Load(file);
        }
        finally
        {
            File.Delete(file);
        }
        if (!loaded.IsValid)
            return FuzzVerdict.Refused(loaded.Errors.Count == 0 ? "invalid without an error" : Relative(loaded.Errors[0].ToString(), file));
        return FuzzVerdict.Accepted($"profile {loaded.Profile!.Name}");
    }

    // The verdict names the file as "profile.json" whichever folder and call it was, so verdicts compare across runs.
    private static string Relative(string text, string file) => text.Replace(file, "profile.json", StringComparison.Ordinal)
        .Replace(Folder.Value, ".", StringComparison.Ordinal);
}

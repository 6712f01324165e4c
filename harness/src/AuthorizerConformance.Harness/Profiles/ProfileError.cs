namespace AuthorizerConformance.Harness.Profiles;

/// <summary>One problem of a profile file: the file, the line (1-based, when known), the JSON path and what is wrong.</summary>
public sealed record ProfileError(string File, int? Line, string Path, string Message)
{
    /// <summary><c>profile.json:7: $.tokens.algo: unknown key; expected …</c></summary>
    public override string ToString() => $"{File}{(Line is { } line ? $":{line}" : "")}: {Path}: {Message}";
}

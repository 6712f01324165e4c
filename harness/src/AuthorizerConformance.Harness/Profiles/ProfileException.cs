namespace AuthorizerConformance.Harness.Profiles;

/// <summary>A profile could not be read or its function could not be started: a configuration error of the user's,
/// whose message names what and where (file, line, JSON path). Print its message, never its stack trace.</summary>
public sealed class ProfileException : Exception
{
    public ProfileException() : base("the authorizer profile is not valid") { }

    public ProfileException(string message) : base(message) { }

    public ProfileException(string message, Exception inner) : base(message, inner) { }

    internal ProfileException(ProfileLoadResult result) : base("The authorizer profile is not valid:" + Environment.NewLine + result.ErrorText) =>
        Errors = result.Errors;

    /// <summary>The profile errors, when the profile itself was wrong.</summary>
    public IReadOnlyList<ProfileError> Errors { get; } = [];
}

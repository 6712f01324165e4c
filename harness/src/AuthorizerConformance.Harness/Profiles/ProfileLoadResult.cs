namespace AuthorizerConformance.Harness.Profiles;

/// <summary>What reading a profile gave: the profile, or every error found in it (never both).</summary>
public sealed record ProfileLoadResult(AuthorizerProfile? Profile, IReadOnlyList<ProfileError> Errors)
{
    /// <summary>Whether the profile was read without error.</summary>
    public bool IsValid => Profile is not null && Errors.Count == 0;

    /// <summary>The errors, one a line, for a person.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors);

    /// <summary>The profile, or a <see cref="ProfileException"/> carrying every error.</summary>
    public AuthorizerProfile OrThrow() => IsValid ? Profile! : throw new ProfileException(this);
}

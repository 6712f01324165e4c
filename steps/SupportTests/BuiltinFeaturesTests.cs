using AuthorizerConformance.Steps.Support;

namespace AuthorizerConformance.Steps.SupportTests;

/// <summary>
/// The team's API (AUTHZ_API) never applies to a built-in feature, also when <c>authz run</c> reaches the built-in folder
/// through a symbolic link; a team's feature beside it is not built-in.
/// </summary>
public sealed class BuiltinFeaturesTests : IDisposable
{
    private readonly DirectoryInfo _run = Directory.CreateTempSubdirectory("builtin-features-");

    public void Dispose()
    {
        foreach (var entry in _run.EnumerateFileSystemInfos().Where(e => e.LinkTarget is not null))
            entry.Delete(); // the link only
        _run.Delete(recursive: true);
    }

    [Fact]
    public void A_built_in_feature_is_built_in_also_through_a_link_and_a_team_feature_is_not()
    {
        var builtin = Path.Combine(AppContext.BaseDirectory, "features");
        Directory.CreateSymbolicLink(Path.Combine(_run.FullName, "builtin"), builtin);
        var team = Directory.CreateDirectory(Path.Combine(_run.FullName, "features")).FullName;
        File.WriteAllText(Path.Combine(team, "Ours.feature"), "Feature: ours\n");

        Assert.True(BuiltinFeatures.Contains(Path.Combine(builtin, "TokenValidation.feature")));
        Assert.True(BuiltinFeatures.Contains(Path.Combine(_run.FullName, "builtin", "TokenValidation.feature")));
        Assert.False(BuiltinFeatures.Contains(Path.Combine(team, "Ours.feature")));
        Assert.False(BuiltinFeatures.Contains(Path.Combine(_run.FullName, "builtin-copy", "TokenValidation.feature")));
    }
}

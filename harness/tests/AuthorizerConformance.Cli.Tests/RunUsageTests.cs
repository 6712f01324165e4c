namespace AuthorizerConformance.Cli.Tests;

/// <summary><c>authz run</c>'s usage and configuration errors: exit 2 with what is wrong, before anything runs.</summary>
public class RunUsageTests
{
    [Fact]
    public void A_missing_profile_file_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--profile", "/nonexistent/profile.json");

        Assert.Equal(2, code);
        Assert.Contains("--profile: file '/nonexistent/profile.json' not found.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_with_an_unknown_key_is_a_configuration_error_naming_file_line_and_key()
    {
        var profile = Path.Combine(Directory.CreateTempSubdirectory("authz-run-usage-").FullName, "profile.json");
        File.WriteAllText(profile, "{\n  \"name\": \"x\",\n  \"function\": \"reference\",\n  \"colour\": \"blue\"\n}\n");

        var (code, _, stderr) = CliRunner.Run("run", "--profile", profile);

        Assert.Equal(2, code);
        Assert.Contains("the profile is not valid", stderr, StringComparison.Ordinal);
        Assert.Contains($"{profile}:4: $.colour", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_tag_expression_is_a_usage_error_saying_where()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--tags", "@smoke and");

        Assert.Equal(2, code);
        Assert.Contains("--tags: '@smoke and' is not a tag expression: the expression ends where a tag was expected.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_features_folder_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--features", "/nonexistent/features");

        Assert.Equal(2, code);
        Assert.Contains("--features: folder '/nonexistent/features' not found.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_builtin_without_features_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--no-builtin");

        Assert.Equal(2, code);
        Assert.Contains("--no-builtin needs at least one --features folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--tag", "@smoke");

        Assert.Equal(2, code);
        Assert.Contains("--tag", stderr, StringComparison.Ordinal);
    }
}

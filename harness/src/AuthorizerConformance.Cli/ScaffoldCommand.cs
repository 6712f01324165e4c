using System.CommandLine;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Scaffold;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz scaffold --api FILE [--profile FILE] --out DIR [--api-name NAME]</c>: writes a starting feature per authorizer
/// of the API (OpenAPI 3, Swagger 2 or a SAM template), and one for its routes without an authorizer; with a profile whose
/// <c>scopeRoutes</c> name a route's scope, that route's valid token carries the scope and a token without it must get
/// 403. Exit 0 when written, 2 when the definition cannot be imported or the profile is not valid (every error with its
/// file, line and path) or a file cannot be written.
/// </summary>
public static class ScaffoldCommand
{
    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "The API definition: OpenAPI 3 / Swagger 2 (YAML or JSON) or an AWS SAM template.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write the features to (created if missing).", Required = true };
        var apiName = new Option<string?>("--api-name") { Description = "The API's logical id, when a SAM template defines more than one." };
        var profileOption = new Option<string?>("--profile") { Description = "The authorizer profile (docs/profiles.md): its scopeRoutes add a 403 scenario per scoped route." };
        var command = new Command("scaffold", "Write starting feature files for an API's authorizers and routes.") { api, profileOption, output, apiName };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var file = Path.GetFullPath(parse.GetValue(api)!);
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var imported = ApiDefinitionImporter.Import(file, new ApiImportOptions { ApiName = parse.GetValue(apiName) });
            if (!imported.IsValid)
            {
                await error.WriteLineAsync($"authz scaffold: cannot import the API:{Environment.NewLine}{imported}").ConfigureAwait(false);
                return Program.UsageError;
            }
            AuthorizerProfile? profile = null;
            if (parse.GetValue(profileOption) is { } profileFile)
            {
                if (!File.Exists(profileFile))
                {
                    await error.WriteLineAsync($"authz scaffold: --profile: file '{profileFile}' not found.").ConfigureAwait(false);
                    return Program.UsageError;
                }
                var loaded = AuthorizerProfile.Load(profileFile);
                if (!loaded.IsValid)
                {
                    await error.WriteLineAsync($"authz scaffold: the profile is not valid:{Environment.NewLine}{loaded.ErrorText}").ConfigureAwait(false);
                    return Program.UsageError;
                }
                profile = loaded.Profile;
            }
            IReadOnlyList<ScaffoldedFeature> features;
            try
            {
                features = FeatureScaffolder.Scaffold(imported.Api!, Path.GetRelativePath(folder, file), profile);
                Directory.CreateDirectory(folder);
                foreach (var feature in features)
                {
                    var path = Path.Combine(folder, feature.FileName);
                    await File.WriteAllTextAsync(path, feature.Text, cancellationToken).ConfigureAwait(false);
                    await parse.InvocationConfiguration.Output.WriteLineAsync(path).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                await error.WriteLineAsync($"authz scaffold: {e.Message}").ConfigureAwait(false);
                return Program.UsageError;
            }
            return features.Count == 0 ? await NoRoutes(error).ConfigureAwait(false) : 0;
        });
        return command;
    }

    private static async Task<int> NoRoutes(TextWriter error)
    {
        await error.WriteLineAsync("authz scaffold: the API has no routes; nothing to write").ConfigureAwait(false);
        return Program.UsageError;
    }
}

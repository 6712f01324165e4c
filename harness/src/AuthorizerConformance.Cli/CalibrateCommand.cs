using System.CommandLine;
using System.Security.Cryptography;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets.Deployed;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz calibrate --profile FILE [--stage URL] [--write FILE]</c>: runs the calibration probes (the stage-side form
/// of the <c>@verify-on-aws</c> scenarios) against a stage running the calibration API and prints which value of each
/// <see cref="GatewayBehavior"/> option it follows; <c>--write</c> (alias <c>--out</c>) saves them as a behaviour file
/// that <c>--behavior FILE</c> and <c>AUTHZ_BEHAVIOR</c> load. The stage is the profile's <c>"function": "stage:URL"</c>
/// or <c>--stage URL</c>, its authorizers' secret the variable the profile's <c>tokens.secret</c> (<c>env:NAME</c>) or
/// <c>tokens.secretEnv</c> names; a profile
/// whose function is <c>reference</c> calibrates the emulation itself (every option at its default). Exit 0 when the
/// stage was calibrated, 2 on a usage or configuration error (the stage is not the calibration API, it cannot be reached).
/// </summary>
public static class CalibrateCommand
{
    private const string StagePrefix = "stage:";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "The profile of the calibration stage (docs/deployed-stage.md)", Required = true };
        var stage = new Option<string?>("--stage") { Description = "The calibration stage's invoke URL (instead of the profile's \"function\": \"stage:URL\")" };
        var write = new Option<string?>("--write", "--out") { Description = "Write the behaviour the stage follows to this file (for --behavior and AUTHZ_BEHAVIOR)" };
        var command = new Command("calibrate", "Find which behaviour option values a deployed stage follows, for the emulation to load") { profile, stage, write };
        command.SetAction(async (parse, cancel) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return await CliErrors.GuardAsync(stderr, async () =>
            {
                var report = await RunAsync(parse.GetValue(profile)!, parse.GetValue(stage), cancel).ConfigureAwait(false);
                await stdout.WriteAsync(report.Table()).ConfigureAwait(false);
                if (!report.Calibrated)
                    throw new UsageException("the stage could not be calibrated (see above).");
                if (parse.GetValue(write) is { } file)
                {
                    try
                    {
                        await File.WriteAllTextAsync(file, BehaviorFile.Write(report.BehaviorFile()), cancel).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new UsageException($"--write: cannot write '{file}': {e.Message}");
                    }
                    await stdout.WriteLineAsync($"Wrote the behaviour of {report.Rows.Count(r => r.StageValue is not null)} options to {file}; " +
                        $"load it with --behavior {file} (authz run, authz simulate) or AUTHZ_BEHAVIOR={file} (dotnet test).").ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<CalibrationReport> RunAsync(string profilePath, string? stageUrl, CancellationToken cancel)
    {
        var loaded = AuthorizerProfile.Load(profilePath);
        if (!loaded.IsValid)
            throw new UsageException($"the profile is not valid:{Environment.NewLine}{loaded.ErrorText}");
        var profile = loaded.Profile!;
        var url = stageUrl ?? (profile.Function.StartsWith(StagePrefix, StringComparison.Ordinal) ? profile.Function[StagePrefix.Length..] : null);
        if (url is null)
        {
            if (!profile.IsReference)
                throw new UsageException($"{profilePath}: $.function: authz calibrate calibrates a stage running the calibration API (\"function\": \"stage:https://…\" or --stage URL), " +
                    $"or the emulation (\"reference\"); \"{profile.Function}\" is neither.");
            var runSecret = RandomNumberGenerator.GetBytes(32);
            return await Calibrator.RunAsync(new EmulatedCalibrationStage(GatewayBehavior.Default, runSecret), runSecret, cancel).ConfigureAwait(false);
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var invokeUrl) || invokeUrl.Scheme is not ("http" or "https"))
            throw new UsageException($"{(stageUrl is null ? profilePath + ": $.function" : "--stage")}: \"{url}\" is not an invoke URL such as https://abc123.execute-api.us-east-1.amazonaws.com/calibrate");
        // A deployed profile names the variable as "secret": "env:NAME"; a local one as "secretEnv": "NAME".
        // (the reader keeps NAME in both).
        var secretEnv = profile.Tokens.Secret ?? profile.Tokens.SecretEnv
            ?? throw new UsageException($"{profilePath}: $.tokens.secret: name the variable holding the calibration authorizer's secret (e.g. \"env:AUTHZ_CALIBRATION_SECRET\").");
        var secret = Environment.GetEnvironmentVariable(secretEnv);
        if (string.IsNullOrEmpty(secret))
            throw new UsageException($"{secretEnv} is not set: set it to the calibration authorizer's secret (its CALIBRATION_SECRET).");
        using var http = new HttpClient();
        try
        {
            StageInvoker invoker;
            try
            {
                invoker = new StageInvoker(http, invokeUrl);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--stage: {e.Message}");
            }
            return await Calibrator.RunAsync(new InvokeUrlCalibrationStage(invoker, invokeUrl), System.Text.Encoding.UTF8.GetBytes(secret), cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidDataException)
        {
            throw new UsageException($"the stage at {invokeUrl.GetLeftPart(UriPartial.Path)} could not be calibrated: {e.Message}");
        }
    }
}

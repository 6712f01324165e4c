using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Reqnroll.xUnit3;
using Spectre.Console;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// One <c>authz run</c>: checks the options (every problem is a usage error, exit 2), lays out the features, runs the
/// suite process with live progress, then prints the summary and writes the reports.
/// </summary>
internal static class SuiteRunner
{
    /// <summary>The line width of plain (redirected, CI) output.</summary>
    public const int PlainWidth = 200;

    /// <summary>The suite's folder beside <c>authz</c> (the built steps test application and its features).</summary>
    public static string SuiteDirectory => Path.Combine(AppContext.BaseDirectory, "suite");

    public static async Task<int> RunAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var judged = CheckProfile(options.Profile, out var profilePath);
        var (apiPath, apiName) = CheckApi(options);
        if (apiPath is not null)
            judged += $", API {Path.GetFileName(apiPath)}";
        if (options.Tags is { } tags && TagExpression.TryParse(tags, out var tagError) is null)
            throw new UsageException($"--tags: '{tags}' is not a tag expression: {tagError}.");
        FeatureFolders.Check(options.FeatureDirectories, options.NoBuiltin);
        var suiteAssembly = Path.Combine(SuiteDirectory, "AuthorizerConformance.Steps.dll");
        if (!File.Exists(suiteAssembly))
            throw new UsageException($"the conformance suite is missing: {suiteAssembly} (build harness/src/AuthorizerConformance.Cli, or reinstall the tool).");

        var work = Directory.CreateTempSubdirectory("authz-run-");
        try
        {
            var features = FeatureFolders.Create(Path.Combine(work.FullName, "features"),
                options.NoBuiltin ? null : Path.Combine(SuiteDirectory, FeatureDirectory.OutputFolderName), options.FeatureDirectories);
            var reports = options.ReportDirectory is { } r ? Path.GetFullPath(r) : Path.Combine(work.FullName, "reports");
            Directory.CreateDirectory(reports);
            var reader = new XunitReportReader(ScenarioSubjects.Read(features));
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [FeatureDirectory.EnvironmentVariable] = features,
                ["REQNROLL_FORMATTERS"] = Formatters(reports),
                ["PWD"] = null, // a relative AUTHZ_PROFILE from the environment was made absolute below
            };
            if (profilePath is not null)
                environment[AuthorizerProfile.EnvironmentVariable] = profilePath;
            if (options.Tags is not null)
                environment[TagExpression.EnvironmentVariable] = options.Tags;
            environment[ApiUnderTest.EnvironmentVariable] = apiPath; // absolute: the suite runs in its own folder
            environment[ApiUnderTest.NameVariable] = apiName;
            if (options.AllowSlow)
                environment[Harness.Targets.Deployed.DeployedStageTarget.AllowSlowVariable] = "1";

            var (exitCode, otherOutput) = await RunWithProgressAsync(suiteAssembly, environment, reader, stdout, cancel).ConfigureAwait(false);
            var errors = reader.RunErrors.ToList();
            if (!reader.Finished)
                errors.Add($"the suite process ended (exit code {exitCode}) before the run was complete:{Environment.NewLine}{AuthorizerConformance.Gateway.Redaction.Redact(otherOutput)}");
            else if (reader.Planned is { } planned && planned > reader.Results.Count)
                errors.Add($"{planned - reader.Results.Count} of {planned} scenarios never reported a result.");
            if (reader.Finished && reader.Results.Count == 0 && errors.Count == 0)
                throw new UsageException(options.Tags is null ? "no scenario to run: the features folders hold none." : $"no scenario matches --tags '{options.Tags}'.");

            // The suite's lint.md (SessionLint.Markdown) of this run, written beside the HTML report.
            var lintFile = Path.Combine(reports, "lint.md");
            var lint = File.Exists(lintFile) ? await File.ReadAllTextAsync(lintFile, cancel).ConfigureAwait(false) : "# Lint findings on the authorizer under test\n\nThe run wrote no lint report.\n";
            var run = new RunResult(reader.Results, errors, lint, judged);
            RunConsole.Write(ConsoleFor(stdout), run);
            if (options.ReportDirectory is not null)
                await RunReports.WriteAsync(run, reports, stdout, cancel).ConfigureAwait(false);
            return run.Passed ? 0 : RunCommand.Failed;
        }
        finally
        {
            FeatureFolders.Delete(work.FullName);
        }
    }

    private static string CheckProfile(string? option, out string? path)
    {
        // --profile selects exactly what AUTHZ_PROFILE selects; without it, the environment's AUTHZ_PROFILE holds.
        var chosen = option ?? Environment.GetEnvironmentVariable(AuthorizerProfile.EnvironmentVariable);
        path = string.IsNullOrEmpty(chosen) ? null : Path.GetFullPath(chosen);
        if (path is null)
            return "the built-in reference authorizer";
        var name = option is null ? $"{AuthorizerProfile.EnvironmentVariable}={path}" : path;
        if (!File.Exists(path))
            throw new UsageException($"--profile: file '{name}' not found.");
        var loaded = AuthorizerProfile.Load(path);
        if (!loaded.IsValid)
            throw new UsageException($"the profile is not valid:{Environment.NewLine}{loaded.ErrorText}");
        return $"profile '{loaded.Profile!.Name}', {Path.GetFileName(path)}";
    }

    /// <summary>
    /// The team's API: <c>--api</c>, else the environment's AUTHZ_API (as for the profile), made absolute and imported
    /// here first, so a definition that cannot be read or is not supported is a usage error (exit 2) naming the file,
    /// the line and the path of every problem, before any scenario runs.
    /// </summary>
    private static (string? Path, string? Name) CheckApi(RunOptions options)
    {
        var chosen = options.Api ?? Environment.GetEnvironmentVariable(ApiUnderTest.EnvironmentVariable);
        if (string.IsNullOrEmpty(chosen))
        {
            if (options.ApiName is not null)
                throw new UsageException("--api-name: names an API of the --api file; give --api too.");
            return (null, null);
        }
        var path = Path.GetFullPath(chosen);
        var name = options.ApiName ?? (Environment.GetEnvironmentVariable(ApiUnderTest.NameVariable) is { Length: > 0 } n ? n : null);
        var option = options.Api is null ? ApiUnderTest.EnvironmentVariable : "--api";
        if (!File.Exists(path))
            throw new UsageException($"{option}: file '{chosen}' not found.");
        var imported = ApiUnderTest.Import(path, name);
        if (!imported.IsValid)
            throw new UsageException($"{option}: the API definition cannot be imported:{Environment.NewLine}{imported}");
        return (path, name);
    }

    private static string Formatters(string reports)
    {
        var html = System.Text.Json.JsonSerializer.Serialize(Path.Combine(reports, "conformance.html"));
        var ndjson = System.Text.Json.JsonSerializer.Serialize(Path.Combine(reports, "conformance.ndjson"));
        return "{\"formatters\":{\"html\":{\"outputFilePath\":" + html + "},\"message\":{\"outputFilePath\":" + ndjson + "}}}";
    }

    private static async Task<(int, string)> RunWithProgressAsync(string suite, Dictionary<string, string?> environment,
        XunitReportReader reader, TextWriter stdout, CancellationToken cancel)
    {
        if (!IsTerminal(stdout))
        {
            var done = 0;
            return await SuiteProcess.RunAsync(suite, environment, line =>
            {
                if (reader.Read(line) is not { } result)
                    return;
                lock (reader)
                    stdout.WriteLine($"{XunitReportReader.Counter(++done, reader.Planned)} {Word(result)} {result.DisplayName}");
            }, cancel).ConfigureAwait(false);
        }
        (int, string) outcome = default;
        await AnsiConsole.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Discovering scenarios", maxValue: 1);
                int passed = 0, failed = 0, skipped = 0;
                outcome = await SuiteProcess.RunAsync(suite, environment, line =>
                {
                    if (reader.Read(line) is not { } result)
                        return;
                    _ = result.Outcome switch
                    {
                        Harness.Reports.VerdictOutcome.Passed => passed++,
                        Harness.Reports.VerdictOutcome.Failed => failed++,
                        Harness.Reports.VerdictOutcome.Skipped => skipped++,
                        _ => throw new InvalidOperationException(result.Outcome.ToString()),
                    };
                    task.MaxValue = Math.Max(reader.Planned ?? 1, 1);
                    task.Value = passed + failed + skipped;
                    task.Description = $"[green]{passed} passed[/] [red]{failed} failed[/] [yellow]{skipped} skipped[/]";
                    if (result.Outcome == Harness.Reports.VerdictOutcome.Failed)
                        AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {result.DisplayName}");
                }, cancel).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return outcome;
    }

    private static string Word(ScenarioResult result) => result.Outcome switch
    {
        Harness.Reports.VerdictOutcome.Passed => "passed ",
        Harness.Reports.VerdictOutcome.Failed => "FAILED ",
        Harness.Reports.VerdictOutcome.Skipped => "skipped",
        _ => throw new InvalidOperationException(result.Outcome.ToString()),
    };

    /// <summary>A Spectre console writing to <paramref name="stdout"/>: colours on a terminal only.</summary>
    public static IAnsiConsole ConsoleFor(TextWriter stdout)
    {
        var terminal = IsTerminal(stdout);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
            console.Profile.Width = PlainWidth; // a log file: no wrapping at 80 columns
        return console;
    }

    /// <summary>A live terminal: the real console, not redirected, and not CI (CI set means plain lines).</summary>
    private static bool IsTerminal(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}

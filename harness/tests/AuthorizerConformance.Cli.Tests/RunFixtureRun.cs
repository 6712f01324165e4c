[assembly: AssemblyFixture(typeof(AuthorizerConformance.Cli.Tests.RunFixtureRun))]

namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// One <c>authz run --no-builtin --features RunFixtures/team --report DIR</c> of the built authz (an assembly fixture:
/// one run for every test class that reads it), shared by the tests
/// that read its console and reports (the fixture has a pass, a fail and a skip; two failures are on purpose).
/// </summary>
public sealed class RunFixtureRun : IAsyncLifetime
{
    public string ReportDirectory { get; } = Directory.CreateTempSubdirectory("authz-run-report-").FullName;

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public string StepSummary => Path.Combine(ReportDirectory, "..", Path.GetFileName(ReportDirectory) + "-step-summary.md");

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(StepSummary, "earlier step\n");
        (ExitCode, Output) = await AuthzProcess.RunAsync("dotnet",
            [AuthzProcess.AuthzAssembly, "run", "--no-builtin", "--features", AuthzProcess.FixtureFeatures, "--report", ReportDirectory],
            AuthzProcess.RepoRoot, new() { ["CI"] = "true", ["GITHUB_STEP_SUMMARY"] = StepSummary });
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(ReportDirectory, recursive: true);
        File.Delete(StepSummary);
        return ValueTask.CompletedTask;
    }
}

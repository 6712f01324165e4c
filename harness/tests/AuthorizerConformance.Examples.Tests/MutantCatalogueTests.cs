using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// The suite cannot be fooled: every mutant of the catalogue (harness/tests/AuthorizerConformance.Mutants) makes the
/// suite fail, naming the scenarios that caught it, and every correct variant and harmless variation passes it.
/// docs/mutants.md is the table of that run, kept true here; regenerate it with
/// <c>AUTHZ_UPDATE_REPORTS=1 dotnet test --project harness/tests/AuthorizerConformance.Examples.Tests</c>.
/// </summary>
public partial class MutantCatalogueTests
{
    private const string ReportFile = "docs/mutants.md";

    public static TheoryData<string> Mutants => new(MutantCatalogue.All.Where(m => m.MustFail).Select(m => m.Id));

    public static TheoryData<string> PassingVariants => new(MutantCatalogue.All.Where(m => !m.MustFail && m.Kind != "baseline").Select(m => m.Id));

    [Fact]
    public void The_catalogue_has_at_least_30_mutants_each_one_patch_of_the_correct_authorizer()
    {
        Assert.True(MutantCatalogue.All.Count(m => m.MustFail) >= 30, $"only {MutantCatalogue.All.Count(m => m.MustFail)} mutants");
        Assert.Equal(MutantCatalogue.All.Count, MutantCatalogue.All.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var mutant in MutantCatalogue.All)
        {
            Assert.True(mutant.Kind is "mutant" or "harmless" or "correct" or "baseline", $"{mutant.Id}: unknown kind {mutant.Kind}");
            Assert.True(File.Exists(MutantCatalogue.BaseProfile(mutant)), $"{mutant.Id}: no profile for base {mutant.Base}");
            Assert.Contains(MutantCatalogue.All, m => m.Id == mutant.BaseId && m.Kind is "correct" or "baseline");
            if (mutant.Runtime != "node")
                continue;
            var source = MutantCatalogue.Source(mutant); // throws unless the patch matches exactly once
            Assert.True(mutant.Find.Length == 0 || mutant.Find != mutant.Replace, $"{mutant.Id}: the patch changes nothing");
            Assert.NotEqual(mutant.Find.Length == 0, source != MutantCatalogue.Source(MutantCatalogue.All.First(m => m.Id == mutant.BaseId)));
        }
    }

    [Fact]
    public void Every_dotnet_mutant_overrides_exactly_one_member_of_the_correct_authorizer()
    {
        var context = new FixtureLoadContext(MutantCatalogue.DotNetAssembly);
        try
        {
            var assembly = context.LoadFromAssemblyPath(MutantCatalogue.DotNetAssembly);
            var correct = assembly.GetType("Fixtures.DotNetMutants.CorrectAuthorizer", throwOnError: true)!;
            var dotnet = MutantCatalogue.All.Where(m => m.Runtime == "dotnet").ToList();
            Assert.True(dotnet.Count(m => m.MustFail) >= 3, $"only {dotnet.Count(m => m.MustFail)} .NET mutants");
            foreach (var mutant in dotnet)
            {
                var type = assembly.GetType("Fixtures.DotNetMutants." + mutant.Type);
                Assert.True(type is not null, $"{mutant.Id}: Fixtures.DotNetMutants has no type {mutant.Type}");
                if (!mutant.MustFail)
                {
                    Assert.Equal(correct, type);
                    continue;
                }
                Assert.True(type.BaseType == correct, $"{mutant.Id}: {type.Name} does not derive directly from CorrectAuthorizer");
                var own = type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                Assert.True(own.Length == 1 && own[0].GetBaseDefinition().DeclaringType == correct,
                    $"{mutant.Id}: {type.Name} must override exactly one member of CorrectAuthorizer and declare nothing else (it declares {string.Join(", ", own.Select(m => m.Name))})");
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [MemberData(nameof(Mutants))]
    public async Task Every_mutant_fails_the_suite(string id)
    {
        var runs = await MutantCatalogue.RunsAsync();
        var mutant = MutantCatalogue.All.Single(m => m.Id == id);

        var caught = MutantCatalogue.CaughtBy(runs, mutant);

        Assert.True(caught.Count > 0, $"The mutant '{id}' ({mutant.Defect}) survived: no scenario failed on it that passes on the correct authorizer.");
        Assert.NotEqual(0, runs[id].ExitCode);
    }

    [Theory]
    [MemberData(nameof(PassingVariants))]
    public async Task Every_correct_variant_and_harmless_variation_passes_the_suite(string id)
    {
        var run = (await MutantCatalogue.RunsAsync())[id];

        var failed = run.Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(v => MutantCatalogue.Name(v) + " — " + v.Reason).ToList();
        Assert.True(failed.Count == 0, $"False alarm: '{id}' is correct but failed:{Environment.NewLine}{string.Join(Environment.NewLine, failed)}");
        Assert.Equal(0, run.ExitCode);
        // The run judged the function itself, not only API Gateway's rules with scripted functions.
        Assert.Contains(run.Verdicts, v => v.Outcome == VerdictOutcome.Passed && v.Scenario.Contains("authorizer under test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_committed_table_is_the_verdict_of_a_real_run()
    {
        var report = Report(await MutantCatalogue.RunsAsync());
        var path = Path.Combine(SuiteRun.RepoRoot, ReportFile);
        if (Environment.GetEnvironmentVariable("AUTHZ_UPDATE_REPORTS") == "1")
            await File.WriteAllTextAsync(path, report, TestContext.Current.CancellationToken);

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "(missing)";

        // Which scenarios a mutant's run met first depends on the order the suite runs in, which differs between
        // machines (a fresh clone lists files in another order): every column is compared but "Caught by".
        Assert.True(WithoutCaughtBy(committed) == WithoutCaughtBy(report),
            $"{ReportFile} is not the table of this run. Regenerate it with AUTHZ_UPDATE_REPORTS=1 dotnet test --project " +
            $"harness/tests/AuthorizerConformance.Examples.Tests and review the difference.");
    }

    private static string Report(IReadOnlyDictionary<string, SuiteRun> runs)
    {
        var text = new StringBuilder($"""
            # The mutant catalogue

            Each **Node** row is `harness/tests/AuthorizerConformance.Mutants/node/authorizer.js` — a hardened Node 20 JWT
            authorizer (standard library only) that passes the whole suite — with exactly one textual patch from
            `node/mutants.json` (the patch's text occurs exactly once in the correct source, so a mutant differs from it in one
            place), run warm through the node bootstrap with its base profile (`node/profile.<base>.json`). Each **.NET** row
            (`dotnet-…`) is a type of `harness/tests/DotNetFixtures/Fixtures.DotNetMutants`, run in process through its
            `dotnet:` handler string (`dotnet/profile.token.json`): the correct authorizer `CorrectAuthorizer`, or a subclass
            that overrides exactly one of its members (`dotnet/mutants.json`).

            A **mutant** must make the suite fail; a **correct** variant or a **harmless** variation (a `Sid`, an array
            `Resource`, an extra primitive context key…) must pass it, every scenario run. "Caught by" lists the scenarios that
            failed on the mutant and pass on its correct base; a mutant's run stops once {MutantCatalogue.StopAfter} such
            scenarios have failed (only whether it is caught matters), so it lists the first {MutantCatalogue.StopAfter} this run met
            (the order can differ between machines, so the test that keeps this file true compares every column but that one).

            Generated from a real run by `harness/tests/AuthorizerConformance.Examples.Tests` (MutantCatalogueTests), which
            reruns every entry and fails when this file is not its table. Regenerate it with
            `AUTHZ_UPDATE_REPORTS=1 dotnet test --project harness/tests/AuthorizerConformance.Examples.Tests`.


            """.ReplaceLineEndings("\n"));
        var mutants = MutantCatalogue.All.Where(m => m.MustFail).ToList();
        var survivors = mutants.Count(m => MutantCatalogue.CaughtBy(runs, m).Count == 0);
        var passing = MutantCatalogue.All.Where(m => !m.MustFail && m.Kind != "baseline").ToList();
        var falseAlarms = passing.Count(m => runs[m.Id].Verdicts.Any(v => v.Outcome == VerdictOutcome.Failed));
        text.Append(CultureInfo.InvariantCulture, $"**{mutants.Count} mutants: {mutants.Count - survivors} caught, {survivors} survived. ")
            .Append(CultureInfo.InvariantCulture, $"{passing.Count} correct variants and harmless variations: {passing.Count - falseAlarms} passed, {falseAlarms} false alarms.**\n\n");

        text.Append("## Mutants\n\n| Mutant | Base | Defect | Verdict | Caught by (scenario: examples failed) |\n|---|---|---|---|---|\n");
        foreach (var mutant in mutants)
        {
            var caught = MutantCatalogue.CaughtBy(runs, mutant);
            var byScenario = caught.GroupBy(n => n.Split(" [Examples", 2)[0], StringComparer.Ordinal)
                .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ({g.Count()})");
            text.Append(CultureInfo.InvariantCulture, $"| `{mutant.Id}` | {mutant.Runtime} {mutant.Base} | {Cell(mutant.Defect)} | {(caught.Count > 0 ? "caught" : "**SURVIVED**")} | {Cell(string.Join("; ", byScenario))} |\n");
        }

        text.Append("\n## Correct variants and harmless variations\n\n| Variant | Base | What it is | Verdict |\n|---|---|---|---|\n");
        foreach (var variant in MutantCatalogue.All.Where(m => !m.MustFail))
        {
            var failed = runs[variant.Id].Verdicts.Count(v => v.Outcome == VerdictOutcome.Failed);
            var passed = runs[variant.Id].Verdicts.Count(v => v.Outcome == VerdictOutcome.Passed);
            var verdict = variant.Kind == "baseline"
                ? $"baseline only ({failed} failed: see below)"
                : failed == 0 ? $"passed ({passed} scenarios)" : $"**FALSE ALARM** ({failed} failed)";
            text.Append(CultureInfo.InvariantCulture, $"| `{variant.Id}` | {variant.Runtime} {variant.Base} | {Cell(variant.Defect)} | {verdict} |\n");
        }

        var readings = MutantCatalogue.All.Where(m => m.Reading is not null).ToList();
        if (readings.Count > 0)
        {
            text.Append("\n## Disputed rules: the reading the suite follows\n\n");
            foreach (var mutant in readings)
                text.Append(CultureInfo.InvariantCulture, $"- `{mutant.Id}`: {mutant.Reading}\n");
        }
        foreach (var baseline in MutantCatalogue.All.Where(m => m.Kind == "baseline"))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## Baseline `{baseline.Id}`\n\n{baseline.Defect}\n\n");
            foreach (var name in runs[baseline.Id].Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(MutantCatalogue.Name)
                         .Select(n => n.Split(" [Examples", 2)[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                text.Append(CultureInfo.InvariantCulture, $"- {name}\n");
        }
        return text.ToString();
    }

    /// <summary><paramref name="report"/> with each mutant row's "Caught by" cell blanked.</summary>
    private static string WithoutCaughtBy(string report) => CaughtByCell().Replace(report, "$1 … |");

    [GeneratedRegex(@"(?m)^(\| `.*\| (?:caught|\*\*SURVIVED\*\*) \|) .* \|$")]
    private static partial Regex CaughtByCell();

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

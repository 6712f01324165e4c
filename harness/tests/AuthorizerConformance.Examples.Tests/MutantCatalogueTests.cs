namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// The mutant catalogue (harness/tests/AuthorizerConformance.Mutants, issue 13) is well formed: at least 30 mutants,
/// each exactly one textual patch of the correct authorizer, each with its base profile. The runs that prove the suite
/// fails every mutant and passes every correct variant are not in yet (issue 13 is open: three mutants survive);
/// MutantCatalogue.RunsAsync is the runner for them. CorrectProfileTests pins the correct REQUEST and HTTP simple bases
/// on the features that used to false-alarm on them (issue 10).
/// </summary>
public class MutantCatalogueTests
{
    [Fact]
    public void The_catalogue_has_at_least_30_mutants_each_one_patch_of_the_correct_authorizer()
    {
        Assert.True(MutantCatalogue.All.Count(m => m.MustFail) >= 30, $"only {MutantCatalogue.All.Count(m => m.MustFail)} mutants");
        Assert.Equal(MutantCatalogue.All.Count, MutantCatalogue.All.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var mutant in MutantCatalogue.All)
        {
            var source = MutantCatalogue.Source(mutant); // throws unless the patch matches exactly once
            Assert.True(mutant.Find.Length == 0 || mutant.Find != mutant.Replace, $"{mutant.Id}: the patch changes nothing");
            Assert.True(mutant.Kind is "mutant" or "harmless" or "correct" or "baseline", $"{mutant.Id}: unknown kind {mutant.Kind}");
            Assert.True(File.Exists(Path.Combine(MutantCatalogue.Folder, $"profile.{mutant.Base}.json")), $"{mutant.Id}: no profile for base {mutant.Base}");
            Assert.NotEqual(mutant.Find.Length == 0, source != MutantCatalogue.Source(MutantCatalogue.All.First(m => m.Id == "correct-" + mutant.Base)));
        }
    }
}

namespace AuthorizerConformance.Fuzz.Tests;

/// <summary>
/// Every input the fuzzer was seeded with or found is replayed on every test run: each is classified (valid, or invalid
/// with a reason), no exception escapes, and classifying it again gives the same verdict.
/// </summary>
public class CorpusReplayTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            foreach (var file in Corpus.Files(target.Name))
                data.Add(target.Name, Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_corpus_input_is_classified_the_same_way_twice(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(Corpus.Root, target, file));
        var classify = FuzzTargets.Find(target)!.Classify;

        var first = classify(input);
        var second = classify(input);

        Assert.False(string.IsNullOrWhiteSpace(first.Reason), $"{target}/{file}: a verdict without a reason");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_target_has_a_corpus_with_valid_and_invalid_inputs()
    {
        foreach (var target in FuzzTargets.All)
        {
            var verdicts = Corpus.Seeds(target.Name).Select(target.Classify).ToList();
            Assert.True(verdicts.Count >= 4, $"{target.Name}: {verdicts.Count} corpus inputs");
            Assert.Contains(verdicts, v => v.Valid);
            Assert.Contains(verdicts, v => !v.Valid);
        }
    }

    [Theory]
    [InlineData("output", "finding-01-not-utf8-member-name", "authorizer-output-invalid: output is not UTF-8 text")]
    [InlineData("profile", "finding-02-not-utf8", "profile.json: $: the profile file: not UTF-8 text (a byte that is not UTF-8 at offset 4)")]
    public void A_finding_keeps_its_fixed_verdict(string target, string file, string reason)
    {
        var verdict = FuzzTargets.Find(target)!.Classify(File.ReadAllBytes(Path.Combine(Corpus.Root, target, file)));

        Assert.Equal(FuzzVerdict.Refused(reason), verdict);
    }
}

using System.Text.Json;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// The one redaction routine (<see cref="Redaction"/>) and the reference authorizer's copy (<see cref="LogSafe"/>,
/// which may not reference the harness) give the same, expected output on one shared set of vectors (STYLE 19).
/// </summary>
public class RedactionVectorTests
{
    public static TheoryData<string> Names() => [.. Vectors().Select(v => v.Name)];

    private static IEnumerable<(string Name, string Text, string[] Secrets, string Expected)> Vectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "redaction-vectors.json")));
        foreach (var v in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return (v.GetProperty("name").GetString()!, v.GetProperty("text").GetString()!,
                [.. v.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()!)], v.GetProperty("expected").GetString()!);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Harness_and_authorizer_redact_each_vector_alike(string name)
    {
        var (_, text, secrets, expected) = Vectors().Single(v => v.Name == name);
        Assert.Equal(expected, Redaction.Redact(text, secrets));
        Assert.Equal(expected, LogSafe.Redact(text, secrets));
    }

    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")]
    [InlineData("nodots")]
    [InlineData("")]
    public void The_single_token_renderings_agree(string token) => Assert.Equal(Redaction.Jwt(token), LogSafe.Token(token));

    [Fact]
    public void The_structural_pass_is_linear_on_a_long_run_without_dots()
    {
        var text = new string('a', 2_000_000) + "." + new string('b', 10);
        Assert.Equal(text, Redaction.Redact(text));
    }
}

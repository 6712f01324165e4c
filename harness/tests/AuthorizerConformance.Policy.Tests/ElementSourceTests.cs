using System.Text.Json;
using static AuthorizerConformance.Policy.Tests.PolicyKit;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// A compiled policy rebuilds its statements (explanations, canonical print, other actions) from its source text. For a
/// document the caller already read as a <see cref="JsonElement"/>, that text is the element written out again, so a
/// caller's reader options (comments, trailing commas) or escapes never make the rebuild fail.
/// </summary>
public class ElementSourceTests
{
    private const string Commented = """
        {
          // the caller's reader skips comments and allows trailing commas
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/*",},
            {"Sid": "NoDelete", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:*/*/DELETE/*"},
          ],
        }
        """;

    private static CompiledPolicy FromElement(string json, JsonDocumentOptions options = default)
    {
        using var document = JsonDocument.Parse(json, options);
        var result = PolicyParser.Parse(document.RootElement);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return result.Policy!;
    }

    [Fact]
    public void A_document_read_with_comments_and_trailing_commas_explains_and_prints()
    {
        var policy = FromElement(Commented, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        var evaluation = policy.Evaluate(new PolicyRequest(Invoke, Api + "/prod/POST/users"));

        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.Equal(["Read", "NoDelete"], evaluation.NotMatched.Select(m => m.Sid));
        Assert.All(evaluation.NotMatched, m => Assert.Equal(MismatchReason.Resource, m.Reason));
        Assert.StartsWith("""{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["execute-api:Invoke"]""", policy.ToJson());
        Assert.Equal(PolicyDecision.ImplicitDeny,
            policy.Evaluate(new PolicyRequest("execute-api:InvalidateCache", Api + "/prod/GET/users")).Decision);
    }

    [Fact]
    public void Escaped_and_non_ascii_text_survives_the_rebuild()
    {
        // "\u00e9" and the pair "\ud83d\ude00" are escapes in the source.
        const string json = """{"Statement":[{"Sid":"caf\u00e9 \ud83d\ude00","Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/caf\u00e9"}]}""";
        var policy = FromElement(json);

        var miss = policy.Evaluate(new PolicyRequest(Invoke, Api + "/prod/GET/cafe"));
        var hit = policy.Evaluate(new PolicyRequest(Invoke, Api + "/prod/GET/caf\u00e9"));

        Assert.Equal(PolicyDecision.Allow, hit.Decision);
        Assert.Equal(PolicyDecision.ImplicitDeny, miss.Decision);
        Assert.Equal("caf\u00e9 \ud83d\ude00", Assert.Single(miss.NotMatched).Sid);
        Assert.Contains("caf\u00e9", Assert.Single(miss.NotMatched).Detail, StringComparison.Ordinal);
    }

    [Theory]
    // Half of a surrogate pair, escaped alone, is valid JSON but not text: System.Text.Json throws when reading it.
    [InlineData("""{"Statement":[{"Sid":"\ud800","Effect":"Allow","Action":"*","Resource":"*"}]}""", "Statement[0].Sid")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:execute-api:*:*:*/x\udc00"}]}""", "Statement[0].Resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":["*","a\ud800\u0041"],"Resource":"*"}]}""", "Statement[0].Action[1]")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceIp":"\ud800x"}}}]}""", "Statement[0].Condition.StringEquals.aws:SourceIp")]
    [InlineData("""{"Id":"\udbff","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "Id")]
    [InlineData("""{"Statement":[{"\ud800":1,"Effect":"Allow","Action":"*","Resource":"*"}]}""", "Statement[0]")]
    public void An_unpaired_surrogate_escape_is_an_error_with_its_path_never_an_exception(string json, string path)
    {
        var fromString = PolicyParser.Parse(json);
        using var document = JsonDocument.Parse(json);
        var fromElement = PolicyParser.Parse(document.RootElement);

        foreach (var result in new[] { fromString, fromElement })
        {
            Assert.False(result.IsValid);
            var error = Assert.Single(result.Errors);
            Assert.Equal(path, error.Path);
            Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
            Assert.Equal(PolicyDecision.Invalid, result.Evaluate(new PolicyRequest(Invoke, GetUsers)).Decision);
        }
    }

    [Theory]
    [InlineData("a\\\\ud800")] // an escaped backslash, then the letters "ud800": text
    [InlineData("\\ud83d\\ude00")]
    [InlineData("\\uD83D\\uDE00 upper-case hex")]
    public void Paired_surrogates_and_escaped_backslashes_are_text(string sid)
    {
        var result = PolicyParser.Parse($$"""{"Statement":[{"Sid":"{{sid}}","Effect":"Allow","Action":"*","Resource":"*"}]}""");

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Equal(PolicyDecision.Allow, result.Evaluate(new PolicyRequest(Invoke, GetUsers)).Decision);
    }

    [Fact]
    public void String_and_element_sources_give_the_same_explanations_and_print()
    {
        const string json = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/?sers","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""";
        var request = new PolicyRequest(Invoke, Api + "/prod/GET/users", Context(("aws:SourceIp", "192.0.2.1")));

        var fromString = Compile(json).Evaluate(request);
        var fromElement = FromElement(json).Evaluate(request);

        Assert.Equal(PolicyDecision.ImplicitDeny, fromString.Decision);
        Assert.Equal(MismatchReason.Condition, Assert.Single(fromString.NotMatched).Reason);
        Assert.Equal(fromString.NotMatched, fromElement.NotMatched);
        Assert.Equal(Compile(json).ToJson(), FromElement(json).ToJson());
    }
}

using System.Text.Json;
using HarnessArn = AuthorizerConformance.Policy.ExecuteApiArn;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// The reference authorizer's own ARN parser against <c>test-data/execute-api-arns.json</c>, the vectors the harness's
/// <c>ExecuteApiArn</c> is held to (its tests read the same file), and against that parser itself on every vector.
/// </summary>
public class ExecuteApiArnVectorTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "test-data", "execute-api-arns.json"))).RootElement;

    public static TheoryData<string> Parsed => new(Arns("parse"));

    public static TheoryData<string> Refused => new(Arns("invalid"));

    [Theory]
    [MemberData(nameof(Parsed))]
    public void Each_listed_ARN_parses_into_the_listed_parts(string text)
    {
        var v = Vectors.GetProperty("parse").EnumerateArray().First(e => Text(e, "arn") == text);

        var arn = ExecuteApiArn.Parse(text);

        Assert.Equal(new ExecuteApiArn(Text(v, "partition")!, Text(v, "region")!, Text(v, "accountId")!, Text(v, "apiId")!, Text(v, "stage")!,
            Text(v, "method"), Text(v, "path"), Text(v, "routeKey")), arn);
        Assert.StartsWith(arn.StagePrefix, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Each_listed_malformed_text_is_unauthorized(string text)
    {
        var refused = Assert.Throws<UnauthorizedException>(() => ExecuteApiArn.Parse(text));

        Assert.Equal(text.Length == 0 ? "method-arn-missing" : "method-arn-invalid", refused.Reason);
    }

    [Theory]
    [MemberData(nameof(Parsed))]
    [MemberData(nameof(Refused))]
    public void Both_parsers_agree_on_every_vector(string text)
    {
        var harness = HarnessArn.TryParse(text, out var expected);
        ExecuteApiArn? actual = null;
        try
        {
            actual = ExecuteApiArn.Parse(text);
        }
        catch (UnauthorizedException)
        {
        }

        Assert.Equal(harness, actual is not null);
        if (expected is not null)
        {
            Assert.Equal((expected.Partition, expected.Region, expected.AccountId, expected.ApiId, expected.Stage, expected.Method, expected.Path, expected.RouteKey),
                (actual!.Partition, actual.Region, actual.Account, actual.ApiId, actual.Stage, actual.Method, actual.Path, actual.RouteKey));
        }
    }

    private static IEnumerable<string> Arns(string list) => Vectors.GetProperty(list).EnumerateArray().Select(v => Text(v, "arn")!);

    private static string? Text(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

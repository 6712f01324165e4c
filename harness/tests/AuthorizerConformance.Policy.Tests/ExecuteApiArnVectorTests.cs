using System.Text.Json;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// ARN-1..ARN-8: <see cref="ExecuteApiArn"/> against <c>test-data/execute-api-arns.json</c>, the vectors the reference
/// authorizer's own parser is held to as well (its tests read the same file).
/// </summary>
public class ExecuteApiArnVectorTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "test-data", "execute-api-arns.json"))).RootElement;

    public static TheoryData<string> Valid => Texts("parse");

    public static TheoryData<string> Invalid => Texts("invalid");

    public static TheoryData<int> Formats => new(Enumerable.Range(0, Vectors.GetProperty("format").GetArrayLength()));

    [Theory]
    [MemberData(nameof(Valid))]
    public void Each_listed_ARN_parses_into_the_listed_parts_and_prints_back(string text)
    {
        var vector = Find("parse", text);

        var arn = ExecuteApiArn.Parse(text);

        Assert.Equal(
            new ExecuteApiArn(Get(vector, "partition")!, Get(vector, "region")!, Get(vector, "accountId")!, Get(vector, "apiId")!,
                Get(vector, "stage")!, Get(vector, "method"), Get(vector, "path"), Get(vector, "routeKey")),
            arn);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_listed_malformed_text_does_not_parse(string text)
    {
        Assert.False(ExecuteApiArn.TryParse(text, out var arn), Get(Find("invalid", text), "why"));
        Assert.Null(arn);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Each_listed_request_formats_to_the_listed_ARN(int index)
    {
        var v = Vectors.GetProperty("format")[index];
        var (partition, region, account, api, stage) = (Get(v, "partition")!, Get(v, "region")!, Get(v, "accountId")!, Get(v, "apiId")!, Get(v, "stage")!);

        var formatted = Get(v, "routeKey") is { } routeKey
            ? ExecuteApiArn.FormatRoute(partition, region, account, api, stage, routeKey)
            : ExecuteApiArn.Format(partition, region, account, api, stage, Get(v, "method")!, Get(v, "requestPath")!);

        Assert.Equal(Get(v, "arn"), formatted);
        Assert.Equal(formatted, ExecuteApiArn.Parse(formatted).ToString());
    }

    [Fact]
    public void Each_listed_region_has_the_listed_partition()
    {
        foreach (var v in Vectors.GetProperty("partition").EnumerateArray())
            Assert.Equal(Get(v, "partition"), ExecuteApiArn.PartitionOf(Get(v, "region")!));
    }

    [Fact]
    public void The_vectors_cover_every_form()
    {
        var parsed = Vectors.GetProperty("parse").EnumerateArray().Select(v => ExecuteApiArn.Parse(Get(v, "arn")!)).ToList();

        Assert.Contains(parsed, a => a.Path == "");        // ARN-3, the root
        Assert.Contains(parsed, a => a.RouteKey == "$connect"); // ARN-6, WebSocket
        Assert.Contains(Vectors.GetProperty("invalid").EnumerateArray(),
            v => Get(v, "arn")!.EndsWith("/prod/", StringComparison.Ordinal)); // the case the two parsers once disagreed on
    }

    private static TheoryData<string> Texts(string list) =>
        new(Vectors.GetProperty(list).EnumerateArray().Select(v => Get(v, "arn")!));

    private static JsonElement Find(string list, string text) =>
        Vectors.GetProperty(list).EnumerateArray().First(v => Get(v, "arn") == text);

    private static string? Get(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

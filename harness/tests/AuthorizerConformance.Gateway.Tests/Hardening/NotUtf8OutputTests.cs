using System.Text;

namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>
/// Found by fuzzing (issue 13, target <c>output</c>, harness/fuzz/corpus/output/finding-01-not-utf8-member-name): an
/// output whose bytes are not UTF-8 passed JSON parsing (System.Text.Json checks UTF-8 only when a string is read) and
/// then threw InvalidOperationException from the later stages. It is now invalid output, 500, before any stage reads it.
/// </summary>
public class NotUtf8OutputTests
{
    public static TheoryData<byte[]> NotUtf8()
    {
        var data = new TheoryData<byte[]>();
        // The fuzzer's find: two stray bytes inside the member name "policyDocument".
        data.Add([.. "{\"principalId\":\"u\",\"policy"u8, 0x8E, (byte)'e', 0x91, .. "t\":{}}"u8]);
        data.Add([.. "{\"principalId\":\""u8, 0xFF, .. "\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[]}}"u8]);
        data.Add([.. "{\"principalId\":\"u\",\"context\":{\"k\":\""u8, 0xC0, 0xAF, .. "\"}}"u8]);
        data.Add([.. "{\"isAuthorized\":true,\"context\":{\""u8, 0xED, 0xA0, 0x80, .. "\":1}}"u8]);
        return data;
    }

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void Output_that_is_not_UTF8_is_invalid_output_for_every_api_type(byte[] output)
    {
        Assert.False(System.Text.Unicode.Utf8.IsValid(output));
        foreach (var (type, simple) in new[] { (ApiType.Rest, false), (ApiType.Http, false), (ApiType.Http, true), (ApiType.WebSocket, false) })
        {
            var api = new ApiDefinition { Type = type };
            var stage = new OutputValidationStage(api, new PolicyStage(api.Behavior));

            var result = stage.Validate(output, simple, out var failure);

            Assert.Null(result);
            Assert.Equal(FailureCodes.AuthorizerOutputInvalid, failure!.Code);
            Assert.Equal("output is not UTF-8 text", failure.Detail);
        }
    }

    [Fact]
    public void The_same_output_in_UTF8_is_read()
    {
        var api = new ApiDefinition { Type = ApiType.Rest };
        var stage = new OutputValidationStage(api, new PolicyStage(api.Behavior));
        var output = Encoding.UTF8.GetBytes("""{"principalId":"ü","policyDocument":{"Version":"2012-10-17","Statement":[]}}""");

        var result = stage.Validate(output, simpleResponses: false, out var failure);

        Assert.Null(failure);
        Assert.Equal("ü", result!.PrincipalId);
    }
}

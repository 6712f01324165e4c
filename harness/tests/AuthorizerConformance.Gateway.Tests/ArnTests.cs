namespace AuthorizerConformance.Gateway.Tests;

public class ArnTests
{
    [Fact]
    public async Task ARN_1_method_arn_has_partition_region_account_api_stage_verb_and_path()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Token();
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42", result.MethodArn);
    }

    [Fact]
    public async Task ARN_1_china_regions_use_the_aws_cn_partition()
    {
        var kit = Kit.Of("""{"type": "REST", "region": "cn-north-1", "routes": [{"method": "GET", "resource": "/x"}]}""");
        var result = await kit.Send("GET", "/x");
        Assert.StartsWith("arn:aws-cn:execute-api:cn-north-1:", result.MethodArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARN_2_path_is_the_actual_path_not_the_resource_template()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Token(path: "/pets/a1b2");
        Assert.EndsWith("/prod/GET/pets/a1b2", result.MethodArn, StringComparison.Ordinal);
        Assert.Equal(result.MethodArn, Expect.Event(result).GetProperty("methodArn").GetString());
    }

    [Fact]
    public async Task ARN_3_root_resource_ends_in_verb_and_slash()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Token(path: "/");
        Assert.EndsWith("/prod/GET/", result.MethodArn, StringComparison.Ordinal);
        Expect.Admitted(result);
    }

    [Fact]
    public async Task ARN_4_method_arn_over_1600_bytes_gives_414_without_invoking()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Token(path: "/pets/" + new string('a', 1600));
        Expect.Rejected(result, 414, FailureCodes.UriTooLong);
        Assert.Equal(0, kit.Invocations());
    }

    [Fact]
    public async Task ARN_4_method_arn_of_exactly_1600_bytes_is_accepted()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        var prefix = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/".Length;
        var result = await kit.Token(path: "/pets/" + new string('a', 1600 - prefix));
        Assert.Equal(1600, result.MethodArn!.Length);
        Expect.Admitted(result);
    }

    [Fact]
    public async Task ARN_6_websocket_arn_ends_in_connect_without_verb()
    {
        var kit = WebSocketTests.Stage(Outputs.AllowIncoming);
        var result = await kit.Send("GET", "/", ("Auth", "t"));
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$connect", result.MethodArn);
    }

    [Fact]
    public async Task ARN_7_http_payload_2_calls_the_field_routeArn_and_payload_1_methodArn()
    {
        var v2 = HttpApiTests.Stage("2.0", Outputs.AllowIncoming);
        var v1 = HttpApiTests.Stage("1.0", Outputs.AllowIncoming);
        var e2 = Expect.Event(await v2.Send("GET", "/pets/1", ("Authorization", "t")));
        var e1 = Expect.Event(await v1.Send("GET", "/pets/1", ("Authorization", "t")));
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abc123/$default/GET/pets/1", e2.GetProperty("routeArn").GetString());
        Assert.False(e2.TryGetProperty("methodArn", out _));
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abc123/$default/GET/pets/1", e1.GetProperty("methodArn").GetString());
    }

    [Fact]
    public async Task ARN_8_any_method_and_greedy_proxy_use_the_actual_verb_and_path()
    {
        var kit = Kit.Of("""{"type": "REST", "routes": [{"method": "ANY", "resource": "/{proxy+}"}]}""");
        var result = await kit.Send("DELETE", "/a/b/c");
        Assert.EndsWith("/prod/DELETE/a/b/c", result.MethodArn, StringComparison.Ordinal);
        Expect.Admitted(result);
    }
}

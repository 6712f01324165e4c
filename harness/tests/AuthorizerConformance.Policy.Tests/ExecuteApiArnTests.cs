namespace AuthorizerConformance.Policy.Tests;

/// <summary>ARN-1..ARN-8: the execute-api method and route ARN.</summary>
public class ExecuteApiArnTests
{
    [Fact]
    public void A_method_ARN_parses_into_its_parts_ARN_1()
    {
        var arn = ExecuteApiArn.Parse("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/a1b2");

        Assert.Equal(new ExecuteApiArn("aws", "us-east-1", "123456789012", "abc123", "prod", "GET", "pets/a1b2", null), arn);
    }

    [Fact]
    public void The_root_resource_has_an_empty_path_and_a_trailing_slash_ARN_3()
    {
        var arn = ExecuteApiArn.Parse("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/");

        Assert.Equal("", arn.Path);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/", arn.ToString());
        Assert.Equal(arn.ToString(), ExecuteApiArn.Format("aws", "us-east-1", "123456789012", "abc123", "prod", "GET", "/"));
    }

    [Fact]
    public void Format_drops_the_leading_slash_of_the_actual_path_ARN_2() =>
        Assert.Equal("arn:aws-cn:execute-api:cn-north-1:1:api/dev/POST/pets/42",
            ExecuteApiArn.Format("aws-cn", "cn-north-1", "1", "api", "dev", "POST", "/pets/42"));

    [Fact]
    public void A_WebSocket_route_ARN_has_a_route_key_and_no_method_ARN_6()
    {
        var arn = ExecuteApiArn.Parse("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$connect");

        Assert.Null(arn.Method);
        Assert.Null(arn.Path);
        Assert.Equal("$connect", arn.RouteKey);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$connect", arn.ToString());
        Assert.Equal(arn.ToString(), ExecuteApiArn.FormatRoute("aws", "us-east-1", "123456789012", "abc123", "prod", "$connect"));
    }

    [Fact]
    public void A_path_may_contain_colons() =>
        Assert.Equal("a:b/c", ExecuteApiArn.Parse("arn:aws:execute-api:us-east-1:1:abc/prod/GET/a:b/c").Path);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:s3:::bucket/key")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abc123")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abc123/prod")]
    [InlineData("arn:aws:execute-api::123456789012:abc123/prod/GET/")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:/prod/GET/")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abc123/prod//x")]
    [InlineData("xarn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/")]
    public void Malformed_ARNs_do_not_parse(string? text)
    {
        Assert.False(ExecuteApiArn.TryParse(text, out var arn));
        Assert.Null(arn);
        if (text is not null)
            Assert.Throws<FormatException>(() => ExecuteApiArn.Parse(text));
    }
}

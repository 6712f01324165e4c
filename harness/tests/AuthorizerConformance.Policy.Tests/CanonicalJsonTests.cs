using System.Text.Json;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>CompiledPolicy.ToJson: a canonical print that parses back to the same policy.</summary>
public class CanonicalJsonTests
{
    [Fact]
    public void Single_values_become_arrays_and_a_single_statement_object_an_array()
    {
        var policy = PolicyKit.Compile("""{"Statement":{"Resource":"*","Effect":"Deny","Sid":"S","NotAction":"s3:*","Condition":{"Bool":{"aws:SecureTransport":false}}},"Id":"x","Version":"2008-10-17"}""");

        Assert.Equal(
            """{"Version":"2008-10-17","Id":"x","Statement":[{"Sid":"S","Effect":"Deny","NotAction":["s3:*"],"Resource":["*"],"Condition":{"Bool":{"aws:SecureTransport":["false"]}}}]}""",
            policy.ToJson());
    }

    [Fact]
    public void The_print_parses_to_an_equal_policy()
    {
        var json = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["execute-api:Invoke","execute-api:Inv?ke"],"Resource":"arn:aws:execute-api:*:*:*/${aws:userid}/*","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":["a*","\u00e9\"q"]},"NumericLessThan":{"custom:n":1.5}}}]}""";

        var once = PolicyKit.Compile(json).ToJson();
        var twice = PolicyKit.Compile(once).ToJson();

        Assert.Equal(once, twice);
        using var parsed = JsonDocument.Parse(once);
        Assert.Equal("1.5", parsed.RootElement.GetProperty("Statement")[0].GetProperty("Condition").GetProperty("NumericLessThan").GetProperty("custom:n")[0].GetString());
    }
}

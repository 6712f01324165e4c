namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.1: everything malformed is Invalid with its JSON path, never an exception, never an Allow.</summary>
public class ParserTests
{
    private const string Ok = """{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}""";

    [Theory]
    // Effect exactly Allow/Deny (POL-8).
    [InlineData("""{"Statement":[{"Effect":"allow","Action":"execute-api:Invoke","Resource":"*"}]}""", "Statement[0].Effect")]
    [InlineData("""{"Statement":[{"Effect":"Permit","Action":"execute-api:Invoke","Resource":"*"}]}""", "Statement[0].Effect")]
    [InlineData("""{"Statement":[{"Effect":true,"Action":"execute-api:Invoke","Resource":"*"}]}""", "Statement[0].Effect")]
    [InlineData("""{"Statement":[{"Action":"execute-api:Invoke","Resource":"*"}]}""", "Statement[0].Effect")]
    // Element names are case-sensitive; unknown names are errors.
    [InlineData("""{"Statement":[{"effect":"Allow","Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}""", "Statement[0].effect")]
    [InlineData("""{"statement":[]}""", "statement")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*","Extra":1}]}""", "Statement[0].Extra")]
    // Exactly one of Action/NotAction and Resource/NotResource.
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke"}]}""", "Statement[0].Resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*","NotResource":"*"}]}""", "Statement[0].NotResource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Resource":"*"}]}""", "Statement[0].Action")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}]}""", "Statement[0].NotAction")]
    // Condition: null → 500 AuthorizerConfigurationException on AWS (§1.7).
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":null}]}""", "Statement[0].Condition")]
    // Non-string values. (Empty arrays and empty strings: POL-12, EmptyElementTests.)
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":["*",1],"Resource":"*"}]}""", "Statement[0].Action[1]")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":{"a":1}}]}""", "Statement[0].Resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":[null]}]}""", "Statement[0].Resource[0]")]
    // Duplicate keys ("must not contain multiple instances of the same key").
    [InlineData("""{"Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]}""", "Statement[0].Effect")]
    [InlineData("""{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}""", "Version")]
    // Wildcard in an Action's service prefix (§1.3), malformed actions.
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*:Invoke","Resource":"*"}]}""", "Statement[0].Action")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":["execute-api:Invoke","execute-*:Invoke"],"Resource":"*"}]}""", "Statement[0].Action[1]")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"Invoke","Resource":"*"}]}""", "Statement[0].Action")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"execute-api:","Resource":"*"}]}""", "Statement[0].Action")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke.*","Resource":"*"}]}""", "Statement[0].Action")]
    // Resource must be "*" or an ARN; no wildcard in the service segment (§1.4).
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"abc123/prod/*"}]}""", "Statement[0].Resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:execute-*:us-east-1:1:a/*"}]}""", "Statement[0].Resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"ARN:aws:execute-api:us-east-1:1:a/*"}]}""", "Statement[0].Resource")]
    // Version values.
    [InlineData("""{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "Version")]
    [InlineData("""{"Version":20121017,"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "Version")]
    // Id must be a string; Statement required and of the right kind; statements are objects.
    [InlineData("""{"Id":5,"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "Id")]
    [InlineData("""{"Version":"2012-10-17"}""", "Statement")]
    [InlineData("""{"Statement":"Allow"}""", "Statement")]
    [InlineData("""{"Statement":["x"]}""", "Statement[0]")]
    // Principal has no place in an identity-based (authorizer) policy.
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""", "Statement[0].Principal")]
    // The document itself.
    [InlineData("""[]""", "")]
    [InlineData("""not json""", "")]
    [InlineData("""{"Statement":[{"Effect":"Allow",}]}""", "")]
    public void Malformed_documents_are_invalid_with_the_json_path(string json, string path)
    {
        var errors = PolicyKit.Errors(json);

        Assert.Contains(errors, e => e.Path == path);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var json = """{"Statement":[{"Effect":"allow","Action":"*:x","Resource":"bad"},""" +
                   """{"Effect":"Deny","Action":"*","Resource":"*","NotResource":"*"}]}""";

        var paths = PolicyKit.Errors(json).Select(e => e.Path).ToHashSet();

        Assert.Equal(["Statement[0].Action", "Statement[0].Effect", "Statement[0].Resource", "Statement[1].NotResource"], paths.Order());
    }

    [Fact]
    public void A_lower_case_element_name_gets_a_hint_naming_the_right_one()
    {
        var errors = PolicyKit.Errors("""{"Statement":[{"effect":"Allow","Action":"*","Resource":"*"}]}""");

        Assert.Contains(errors, e => e.Path == "Statement[0].effect" && e.Message.Contains("'Effect'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_over_512_characters_is_invalid_ARN_5()
    {
        var arn = PolicyKit.Api + "/prod/GET/" + new string('a', 512);

        var errors = PolicyKit.Errors(PolicyKit.Allow(arn));

        Assert.Contains(errors, e => e.Path == "Statement[0].Resource" && e.Message.Contains("512", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_text_is_invalid_not_an_exception() =>
        Assert.Contains(PolicyKit.Errors(null!), e => e.Path == "");

    [Fact]
    public void A_valid_minimal_statement_parses() =>
        Assert.Equal(1, PolicyKit.Compile($$"""{"Statement":[{{Ok}}]}""").StatementCount);
}

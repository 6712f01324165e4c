namespace AuthorizerConformance.Policy.Tests.Hardening;

/// <summary>
/// Issue 16, defects 4 and 5: IAM numbers are finite decimals and IP addresses are canonical dotted quads or IPv6;
/// anything else fails the condition (a request value) or is an invalid policy (a policy value), never a match.
/// </summary>
public class NumberAndAddressTextTests
{
    private static PolicyDecision Decide(string effect, string condition, string key, string value) =>
        PolicyKit.Decide(PolicyKit.One(effect: effect, condition: condition), PolicyKit.GetUsers, context: PolicyKit.Context((key, value)));

    [Theory]
    [InlineData("NaN")]
    [InlineData("-NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    [InlineData("-2e400")]
    [InlineData("\u221E")]
    [InlineData(" 4")]
    [InlineData("4 ")]
    [InlineData("0x4")]
    [InlineData("4,0")]
    [InlineData("")]
    public void A_request_value_that_is_not_a_finite_decimal_fails_every_numeric_condition(string value)
    {
        foreach (var op in new[] { "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "NumericEquals" })
            Assert.Equal(PolicyDecision.ImplicitDeny, Decide("Allow", $$$"""{"{{{op}}}":{"k":"5"}}""", "k", value));
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData("2e400")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(" 5")]
    public void A_policy_number_that_is_not_a_finite_decimal_is_an_invalid_policy(string value) =>
        Assert.NotEmpty(PolicyKit.Errors(PolicyKit.One(condition: $$$"""{"NumericEquals":{"k":"{{{value}}}"}}""")));

    [Theory]
    [InlineData("4", true)]
    [InlineData("4.5", true)]
    [InlineData("-1e3", true)]
    [InlineData("+4", true)]
    [InlineData(".5", true)]
    public void Finite_decimals_still_compare(string value, bool less) =>
        Assert.Equal(less ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, Decide("Allow", """{"NumericLessThan":{"k":"5"}}""", "k", value));

    [Theory]
    [InlineData("012.1.1.1")]
    [InlineData("10.1")]
    [InlineData("167772161")]
    [InlineData("0x0a.1.1.1")]
    [InlineData("10.0.0.1 ")]
    [InlineData("not-an-ip")]
    [InlineData("")]
    [InlineData("fe80::1%eth0")]
    public void A_non_canonical_address_never_matches_and_never_escapes_a_deny(string sourceIp)
    {
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("Allow", """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp", sourceIp));
        // "Deny NotIpAddress 10.0.0.0/8" must deny what it cannot read rather than let it through: the condition fails
        // for an unreadable address, so the Deny does not apply, and nothing else allows it.
        const string policy = """
            {"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},
            {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}
            """;
        Assert.NotEqual(PolicyDecision.Allow, PolicyKit.Decide(policy, PolicyKit.GetUsers, context: PolicyKit.Context(("aws:SourceIp", sourceIp))));
    }

    [Theory]
    [InlineData("012.0.0.0/8")]
    [InlineData("10/8")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/33")]
    [InlineData("167772160/8")]
    public void A_non_canonical_policy_block_is_an_invalid_policy(string block) =>
        Assert.NotEmpty(PolicyKit.Errors(PolicyKit.One(condition: $$$"""{"IpAddress":{"aws:SourceIp":"{{{block}}}"}}""")));

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("11.1.2.3", false)]
    [InlineData("2001:db8::1", false)]
    public void Canonical_addresses_still_match(string sourceIp, bool inside) =>
        Assert.Equal(inside ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny,
            Decide("Allow", """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp", sourceIp));
}

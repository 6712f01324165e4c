namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.6, POL-6: condition operators over a supplied request context, and the absent-key rules.</summary>
public class ConditionTests
{
    private static PolicyDecision Decide(string condition, params (string Key, string Value)[] context) =>
        PolicyKit.Decide(PolicyKit.One(condition: condition), PolicyKit.GetUsers, context: PolicyKit.Context(context));

    private static void Holds(bool expected, string condition, params (string Key, string Value)[] context) =>
        Assert.Equal(expected ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, Decide(condition, context));

    [Theory]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/team":"blue"}}""", "blue", true)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/team":"blue"}}""", "Blue", false)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/team":["red","blue"]}}""", "blue", true)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/team":"bl*"}}""", "blue", false)]
    [InlineData("""{"StringNotEquals":{"aws:PrincipalTag/team":"blue"}}""", "red", true)]
    [InlineData("""{"StringNotEquals":{"aws:PrincipalTag/team":["red","blue"]}}""", "red", false)]
    [InlineData("""{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"BLUE"}}""", "blue", true)]
    [InlineData("""{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"BLUE"}}""", "blue", false)]
    [InlineData("""{"StringLike":{"aws:PrincipalTag/team":"bl*"}}""", "blue", true)]
    [InlineData("""{"StringLike":{"aws:PrincipalTag/team":"b?ue"}}""", "blue", true)]
    [InlineData("""{"StringLike":{"aws:PrincipalTag/team":"B*"}}""", "blue", false)]
    [InlineData("""{"StringNotLike":{"aws:PrincipalTag/team":"r*"}}""", "blue", true)]
    public void String_operators(string condition, string value, bool holds) =>
        Holds(holds, condition, ("aws:PrincipalTag/team", value));

    [Theory]
    [InlineData("NumericEquals", "10", "10.0", true)]
    [InlineData("NumericNotEquals", "10", "11", true)]
    [InlineData("NumericLessThan", "10", "9", true)]
    [InlineData("NumericLessThan", "10", "10", false)]
    [InlineData("NumericLessThanEquals", "10", "10", true)]
    [InlineData("NumericGreaterThan", "10", "11", true)]
    [InlineData("NumericGreaterThanEquals", "10", "9", false)]
    [InlineData("NumericEquals", "10", "ten", false)]
    public void Numeric_operators(string op, string policyValue, string requestValue, bool holds) =>
        Holds(holds, $$$"""{"{{{op}}}":{"custom:n":"{{{policyValue}}}"}}""", ("custom:n", requestValue));

    [Fact]
    public void A_numeric_condition_value_may_be_a_JSON_number() =>
        Holds(true, """{"NumericLessThan":{"aws:EpochTime":1700000000}}""", ("aws:EpochTime", "1600000000"));

    [Theory]
    [InlineData("DateLessThan", "2030-01-01T00:00:00Z", "2029-12-31T23:59:59Z", true)]
    [InlineData("DateGreaterThan", "2030-01-01T00:00:00Z", "2029-12-31T23:59:59Z", false)]
    [InlineData("DateEquals", "2030-01-01T00:00:00Z", "1893456000", true)]
    [InlineData("DateNotEquals", "2030-01-01T00:00:00Z", "2030-01-01T01:00:00+01:00", false)]
    [InlineData("DateGreaterThanEquals", "1893456000", "2030-01-01T00:00:00Z", true)]
    [InlineData("DateLessThanEquals", "2030-01-01", "2030-01-01T00:00:01Z", false)]
    public void Date_operators_read_ISO_8601_and_epoch_seconds(string op, string policyValue, string now, bool holds) =>
        Holds(holds, $$$"""{"{{{op}}}":{"aws:CurrentTime":"{{{policyValue}}}"}}""", ("aws:CurrentTime", now));

    [Theory]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "true", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":true}}""", "TRUE", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"false"}}""", "true", false)]
    public void Bool_operator(string condition, string value, bool holds) =>
        Holds(holds, condition, ("aws:SecureTransport", value));

    [Theory]
    [InlineData("IpAddress", "203.0.113.0/24", "203.0.113.7", true)]
    [InlineData("IpAddress", "203.0.113.0/24", "203.0.114.7", false)]
    [InlineData("IpAddress", "203.0.113.7", "203.0.113.7", true)]
    [InlineData("IpAddress", "2001:db8::/32", "2001:db8::1", true)]
    [InlineData("NotIpAddress", "203.0.113.0/24", "198.51.100.1", true)]
    [InlineData("NotIpAddress", "203.0.113.0/24", "203.0.113.9", false)]
    [InlineData("IpAddress", "203.0.113.0/24", "not-an-ip", false)]
    public void Ip_address_operators(string op, string cidr, string sourceIp, bool holds) =>
        Holds(holds, $$$"""{"{{{op}}}":{"aws:SourceIp":"{{{cidr}}}"}}""", ("aws:SourceIp", sourceIp));

    [Theory]
    [InlineData("ArnLike", "arn:aws:iam::*:role/admin-*", "arn:aws:iam::123456789012:role/admin-x", true)]
    [InlineData("ArnEquals", "arn:aws:iam::*:role/admin-*", "arn:aws:iam::123456789012:role/admin-x", true)]
    [InlineData("ArnLike", "arn:aws:iam::*:role/Admin-*", "arn:aws:iam::123456789012:role/admin-x", false)]
    [InlineData("ArnLike", "arn:aws:iam::*", "arn:aws:iam::123456789012:role/admin-x", false)]
    [InlineData("ArnNotLike", "arn:aws:iam::*:role/admin-*", "arn:aws:iam::123456789012:role/dev", true)]
    [InlineData("ArnNotEquals", "arn:aws:iam::*:role/admin-*", "arn:aws:iam::123456789012:role/admin-1", false)]
    public void Arn_operators_check_each_component_separately(string op, string pattern, string value, bool holds) =>
        Holds(holds, $$$"""{"{{{op}}}":{"aws:PrincipalArn":"{{{pattern}}}"}}""", ("aws:PrincipalArn", value));

    [Fact]
    public void BinaryEquals_compares_the_base64_text() =>
        Holds(true, """{"BinaryEquals":{"custom:key":"QmluYXJ5"}}""", ("custom:key", "QmluYXJ5"));

    [Theory]
    // Absent keys (§1.6): positive operators fail, negated operators hold, IfExists holds, Null checks presence.
    [InlineData("""{"StringEquals":{"aws:SourceVpc":"vpc-1"}}""", false)]
    [InlineData("""{"StringNotEquals":{"aws:SourceVpc":"vpc-1"}}""", true)]
    [InlineData("""{"StringNotLike":{"aws:SourceVpc":"vpc-*"}}""", true)]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", false)]
    [InlineData("""{"ArnNotLike":{"aws:PrincipalArn":"arn:*:*:*:*:*"}}""", true)]
    [InlineData("""{"NumericNotEquals":{"custom:n":"1"}}""", true)]
    [InlineData("""{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}""", true)]
    [InlineData("""{"NumericLessThanIfExists":{"custom:n":"1"}}""", true)]
    [InlineData("""{"Null":{"aws:SourceVpc":"true"}}""", true)]
    [InlineData("""{"Null":{"aws:SourceVpc":"false"}}""", false)]
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}}""", false)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":"a"}}""", true)]
    public void Absent_key_rules(string condition, bool holds) => Holds(holds, condition);

    [Fact]
    public void IfExists_still_checks_a_present_key()
    {
        Holds(true, """{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}""", ("aws:SourceVpc", "vpc-1"));
        Holds(false, """{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}""", ("aws:SourceVpc", "vpc-2"));
    }

    [Fact]
    public void Null_false_holds_for_a_present_key() =>
        Holds(true, """{"Null":{"aws:SourceVpc":"false"}}""", ("aws:SourceVpc", "vpc-1"));

    [Theory]
    // Multi-valued keys: ForAnyValue needs one request value to match, ForAllValues needs every one.
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","z"]}}""", true)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":["a","z"]}}""", false)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b","c"]}}""", true)]
    [InlineData("""{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["a"]}}""", true)]
    [InlineData("""{"ForAllValues:StringNotEquals":{"aws:TagKeys":["a"]}}""", false)]
    // Chosen (as iam-simulate): a single-valued operator on a multi-valued key does not hold.
    [InlineData("""{"StringEquals":{"aws:TagKeys":"a"}}""", false)]
    public void Set_operators_over_multi_valued_keys(string condition, bool holds) =>
        Holds(holds, condition, ("aws:TagKeys", "a"), ("aws:TagKeys", "b"));

    [Fact]
    public void Operators_and_keys_are_ANDed_values_are_ORed()
    {
        const string condition = """{"StringEquals":{"custom:a":["1","2"],"custom:b":"x"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""";

        Holds(true, condition, ("custom:a", "2"), ("custom:b", "x"), ("aws:SourceIp", "10.1.2.3"));
        Holds(false, condition, ("custom:a", "2"), ("custom:b", "x"), ("aws:SourceIp", "11.1.2.3"));
        Holds(false, condition, ("custom:a", "3"), ("custom:b", "x"), ("aws:SourceIp", "10.1.2.3"));
    }

    [Fact]
    public void Condition_key_names_are_case_insensitive() =>
        Holds(true, """{"IpAddress":{"AWS:SOURCEIP":"10.0.0.0/8"}}""", ("aws:sourceip", "10.0.0.1"));

    [Fact]
    public void Under_2012_condition_values_may_hold_policy_variables() =>
        Holds(true, """{"StringEquals":{"custom:owner":"${aws:userid}"}}""", ("custom:owner", "alice"), ("aws:userid", "alice"));

    [Fact]
    public void A_failed_condition_is_explained_with_the_request_value()
    {
        var evaluation = PolicyKit.Evaluate(PolicyKit.One(condition: """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"""), PolicyKit.GetUsers,
            context: PolicyKit.Context(("aws:SourceIp", "192.0.2.1")));

        var mismatch = Assert.Single(evaluation.NotMatched);
        Assert.Equal(MismatchReason.Condition, mismatch.Reason);
        Assert.Contains("IpAddress aws:SourceIp", mismatch.Detail, StringComparison.Ordinal);
        Assert.Contains("192.0.2.1", mismatch.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectAsInvalid_makes_any_Condition_invalid_instead_of_ignoring_it()
    {
        var options = PolicyOptions.Default with { Conditions = ConditionHandling.RejectAsInvalid };

        var errors = PolicyKit.Errors(PolicyKit.One(condition: """{"Bool":{"aws:SecureTransport":"true"}}"""), options);

        Assert.Contains(errors, e => e.Path == "Statement[0].Condition");
    }

    [Fact]
    public void Evaluate_is_the_default_condition_handling() =>
        Assert.Equal(ConditionHandling.Evaluate, PolicyOptions.Default.Conditions);

    [Theory]
    [InlineData("""{"StringEqualz":{"a:b":"x"}}""", "Statement[0].Condition.StringEqualz")]
    [InlineData("""{"stringequals":{"a:b":"x"}}""", "Statement[0].Condition.stringequals")]
    [InlineData("""{"ForSomeValues:StringEquals":{"a:b":"x"}}""", "Statement[0].Condition.ForSomeValues:StringEquals")]
    [InlineData("""{"NullIfExists":{"a:b":"true"}}""", "Statement[0].Condition.NullIfExists")]
    [InlineData("""{"StringEquals":{}}""", "Statement[0].Condition.StringEquals")]
    [InlineData("""{"StringEquals":"x"}""", "Statement[0].Condition.StringEquals")]
    [InlineData("""{"StringEquals":{"a:b":[]}}""", "Statement[0].Condition.StringEquals.a:b")]
    [InlineData("""{"StringEquals":{"a:b":null}}""", "Statement[0].Condition.StringEquals.a:b")]
    [InlineData("""{"StringEquals":{"a:b":["x",{}]}}""", "Statement[0].Condition.StringEquals.a:b[1]")]
    [InlineData("""{"StringEquals":{"a:b":"x","A:B":"y"}}""", "Statement[0].Condition.StringEquals.A:B")]
    [InlineData("""{"NumericLessThan":{"a:b":"ten"}}""", "Statement[0].Condition.NumericLessThan.a:b")]
    [InlineData("""{"DateLessThan":{"aws:CurrentTime":"tomorrow"}}""", "Statement[0].Condition.DateLessThan.aws:CurrentTime")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","10.0.0.0/99"]}}""", "Statement[0].Condition.IpAddress.aws:SourceIp[1]")]
    [InlineData("""{"Bool":{"aws:SecureTransport":"yes"}}""", "Statement[0].Condition.Bool.aws:SecureTransport")]
    [InlineData("""[]""", "Statement[0].Condition")]
    public void Malformed_conditions_are_invalid_with_their_path(string condition, string path) =>
        Assert.Contains(PolicyKit.Errors(PolicyKit.One(condition: condition)), e => e.Path == path);
}

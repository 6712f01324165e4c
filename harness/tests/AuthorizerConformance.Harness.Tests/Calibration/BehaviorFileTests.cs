using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Inputs;

namespace AuthorizerConformance.Harness.Tests.Calibration;

public class BehaviorFileTests
{
    [Fact]
    public void A_behaviour_file_sets_the_options_it_names_and_keeps_the_others_at_their_defaults()
    {
        var behavior = BehaviorFile.Parse("""
            // written by authz calibrate
            {"principalIdRequired": true, "emptyNotList": "literal"}
            """, "stage.json");

        Assert.Equal(GatewayBehavior.Default with { PrincipalIdRequired = true, EmptyNotList = AuthorizerConformance.Policy.EmptyElementReading.Literal }, behavior);
    }

    [Theory]
    [InlineData("{\n  \"principalIdRequired\": true,\n  \"principalIdRequird\": true\n}", "stage.json:3: $.principalIdRequird: unknown behaviour option; expected one of validationExpressionMatch,")]
    [InlineData("{\n  \"emptyNotList\": \"wide\"\n}", "stage.json:2: $.emptyNotList: ")]
    [InlineData("{\n  \"principalIdRequired\": \"yes\"\n}", "stage.json:2: $.principalIdRequired: ")]
    [InlineData("[true]", "stage.json:1: $: ")]
    [InlineData("{\"a\": 1,\n \"a\": 2}", "stage.json:1: $: not valid JSON (at $: Duplicate")]
    public void A_wrong_behaviour_file_is_an_error_naming_file_line_and_json_path(string text, string expected)
    {
        var error = Assert.Throws<InputException>(() => BehaviorFile.Parse(text, "stage.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_behaviour_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<InputException>(() => BehaviorFile.Load(Path.Combine(Path.GetTempPath(), "no-such-behaviour-file.json")));

        Assert.Contains("no-such-behaviour-file.json", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// The authorizer as API Gateway has it configured, and its function: the authorizer under test (the selected
/// target), or a scripted function with canned outputs for gateway rules.
/// </summary>
[Binding]
public sealed class AuthorizerSteps(Stage stage)
{
    [Given("a TOKEN authorizer reading the {string} header")]
    public void TokenAuthorizer(string header)
    {
        var authorizer = stage.AuthorizerOfType("TOKEN");
        authorizer["identitySource"] = $"method.request.header.{header}";
    }

    [Given("a REQUEST authorizer with identity sources {string}")]
    public void RequestAuthorizer(string sources)
    {
        var authorizer = stage.AuthorizerOfType("REQUEST");
        // REST writes the comma-separated string AWS uses; HTTP and WebSocket take an array of selection expressions.
        authorizer["identitySource"] = stage.ApiType == "REST"
            ? sources
            : new JsonArray([.. sources.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => JsonValue.Create(s))]);
    }

    [Given("a REQUEST authorizer without identity sources")]
    public void RequestAuthorizerWithoutSources()
    {
        var authorizer = stage.AuthorizerOfType("REQUEST");
        authorizer.Remove("identitySource");
    }

    [Given("the authorizer's validation expression is {string}")]
    public void ValidationExpression(string regex) => stage.Authorizer()["identityValidationExpression"] = regex;

    [Given("the authorizer caches results for {int} seconds")]
    public void Ttl(int seconds) => stage.Authorizer()["resultTtlInSeconds"] = seconds;

    [Given("the authorizer does not cache results")]
    public void NoCache() => stage.Authorizer()["resultTtlInSeconds"] = 0;

    [Given("the authorizer has payload format {string}")]
    public void PayloadFormat(string version) => stage.Authorizer()["payloadFormatVersion"] = version;

    [Given("the authorizer uses simple responses")]
    public void SimpleResponses() => stage.Authorizer()["enableSimpleResponses"] = true;

    [Given("the authorizer's timeout is {int} seconds")]
    public void Timeout(int seconds) => stage.Authorizer()["timeoutSeconds"] = seconds;

    [Given("the authorizer function returns:")]
    public void Returns(string json) => Script(Outcome("returns", json));

    [Given("the authorizer function fails with {string}")]
    public void FailsWith(string message) => Script(Outcome("fails with", message));

    [Given("the authorizer function times out")]
    public void TimesOut() => Script(Outcome("times out", ""));

    [Given("the authorizer function answers, in turn:")]
    public void InTurn(DataTable outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Script([.. outcomes.Rows.Select(row => Outcome(row["outcome"], row["detail"]))]);
    }

    [Given("the authorizer setting {string} is {string}")]
    public void Setting(string name, string value) => stage.Session.AuthorizerEnvironment[name] = value;

    /// <summary>The reference authorizer gets only AUTH_TOKEN_SALT, as in the seed; any other authorizer under test keeps
    /// its profile's configuration, which must then verify HS256 tokens.</summary>
    [Given("the authorizer has only the seed's HS256 secret")]
    public void SeedConfiguration()
    {
        if (!Stage.Target.Capabilities.Contains(TargetCapability.AuthorizerSettings))
        {
            Stage.Require(Stage.Profile.Tokens.Algorithms.Contains("HS256"), "its tokens.alg does not list HS256, the seed's algorithm.");
            return;
        }
        stage.Session.AuthorizerEnvironment.Clear();
        stage.Session.AuthorizerEnvironment[EnvironmentVariables.TokenSalt] = SuiteKeys.Ring.Secret;
    }

    /// <summary>The scenario relies on the reference authorizer's documented defaults (raw tokens, the 60-second skew,
    /// claims flattened to JSON text…): it is already so configured; other authorizers skip it (@needs:authorizer-settings).</summary>
    [Given("the reference authorizer's default settings")]
    public static void ReferenceDefaults()
    {
        // Nothing to do: the reference authorizer starts with its defaults; the tag skips every other authorizer.
    }

    /// <summary>UNA-2: the function as deployed without its secret and keys (the profile's environment only; for the
    /// reference authorizer, no variable at all).</summary>
    [Given("the authorizer has no keys configured")]
    public void NoKeys()
    {
        stage.Session.AuthorizerEnvironment.Clear();
        stage.Session.WithoutKeys = true;
    }

    /// <summary>UNA-2, RFC 8725 §3.5: the function as deployed with its secret variable present but empty and no other key
    /// (the reference authorizer: AUTH_TOKEN_SALT empty, nothing else). A profile without <c>tokens.secretEnv</c> has no
    /// secret to leave empty, so the scenario does not apply to it.</summary>
    [Given("the authorizer's secret is set but empty")]
    public void EmptySecret()
    {
        if (Stage.Target.Capabilities.Contains(TargetCapability.AuthorizerSettings))
        {
            stage.Session.AuthorizerEnvironment.Clear();
            stage.Session.AuthorizerEnvironment[EnvironmentVariables.TokenSalt] = "";
            return;
        }
        Stage.Require(Stage.Profile.Tokens.SecretEnv is not null, "its tokens name no secretEnv, so it has no secret to leave empty.");
        stage.Session.EmptySecret = true;
    }

    private void Script(params JsonObject[] outcomes) =>
        stage.Authorizer()["function"] = new JsonObject { ["kind"] = "scripted", ["outcomes"] = new JsonArray([.. outcomes]) };

    private static JsonObject Outcome(string outcome, string detail) => outcome.Trim() switch
    {
        "returns" => new JsonObject { ["return"] = JsonText.Parse(detail, "The scripted return value") },
        "fails with" => new JsonObject { ["error"] = detail },
        "times out" => new JsonObject { ["timeout"] = true },
        var other => throw new InvalidOperationException($"Unknown scripted outcome '{other}': use 'returns', 'fails with' or 'times out'."),
    };
}

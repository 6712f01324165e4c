using AuthorizerConformance.Harness.Targets;
using System.Text;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Identity sources and method ARNs: the raw REST identity-source string, requests whose path is padded to a chosen
/// length (ARN-4 is counted in bytes), requests with a body (never passed to an authorizer, REQ-5), and the ARN's
/// size in bytes.
/// </summary>
[Binding]
public sealed class IdentitySourceSteps(Stage stage, Expect expect)
{
    [Given("the authorizer's identity source is {string}")]
    public void IdentitySource(string sources) => stage.SetIdentitySource(sources);

    [When("the client calls {method} {path} followed by {int} {string} characters")]
    public Task CallsPadded(HttpVerb method, RequestPath path, int count, string character)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var padded = new StringBuilder(path.Value).Insert(path.Value.Length, character, count).ToString();
        return stage.SendAsync(stage.CarryingTheToken(new ClientRequest { Method = method.Name, Path = padded }));
    }

    [When("the client calls {method} {path} with the body {string}")]
    [When("the client calls {method} {path} with the body:")]
    public Task CallsWithBody(HttpVerb method, RequestPath path, string body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return stage.SendAsync(stage.CarryingTheToken(new ClientRequest { Method = method.Name, Path = path.Value, Body = body }));
    }

    [Then("the method ARN is {int} bytes long")]
    [Observes(TargetObservation.GatewayDecision)]
    public void MethodArnBytes(int bytes)
    {
        stage.Observe(TargetObservation.GatewayDecision);
        var arn = stage.Last.MethodArn;
        expect.That(arn is not null, () => $"the last request has no method ARN{(stage.Last.Failure is null ? "" : $" ({stage.Last.Failure})")}; the scenario expects one of {bytes} bytes");
        var length = Encoding.UTF8.GetByteCount(arn);
        expect.That(length == bytes, () => $"the method ARN is {length} bytes long; the scenario expects {bytes}");
    }
}

namespace AuthorizerConformance.Gateway.Tests;

/// <summary>The compiled-policy memo is an optimisation only: it never changes an outcome or skips an invocation.</summary>
public class PolicyMemoTests
{
    [Fact]
    public async Task Identical_policies_with_ttl_0_are_still_invoked_and_evaluated_per_request()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming, """, "resultTtlInSeconds": 0""");
        Expect.Admitted(await kit.Token("GET", "/pets/1"));
        Expect.Admitted(await kit.Token("GET", "/pets/1"));
        Expect.Admitted(await kit.Token("POST", "/pets"));
        Assert.Equal(3, kit.Invocations());
    }

    [Fact]
    public async Task More_distinct_policies_than_the_memo_holds_are_all_decided_correctly()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming, """, "resultTtlInSeconds": 0""");
        for (var i = 0; i < PolicyStage.MemoCapacity + 20; i++)
            Expect.Admitted(await kit.Token("GET", $"/pets/{i}"));
        Expect.Admitted(await kit.Token("GET", "/pets/0"));
    }

    [Fact]
    public async Task An_invalid_policy_is_rejected_every_time()
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Maybe", "*")), """, "resultTtlInSeconds": 0""");
        Expect.Rejected(await kit.Token(), 500, FailureCodes.AuthorizerOutputInvalid);
        Expect.Rejected(await kit.Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }
}

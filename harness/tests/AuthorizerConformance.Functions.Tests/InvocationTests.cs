using AuthorizerConformance.Functions.RuntimeApi;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.Tests;

public sealed class InvocationTests
{
    private static readonly AuthorizerInvocation Answer = new AuthorizerInvocation.Returned("{}"u8.ToArray());

    [Fact]
    public void An_answered_invocation_did_not_end_before_delivery_whatever_order_its_tasks_are_observed_in()
    {
        var invocation = new Invocation("{}"u8.ToArray());
        invocation.Delivered.TrySetResult();
        invocation.Completed.TrySetResult(Answer);

        Assert.False(invocation.EndedBeforeDelivery);
    }

    [Fact]
    public void An_invocation_completed_without_delivery_is_an_init_error()
    {
        var invocation = new Invocation("{}"u8.ToArray());
        invocation.Completed.TrySetResult(Answer);

        Assert.True(invocation.EndedBeforeDelivery);
    }

    [Fact]
    public void An_invocation_not_yet_completed_has_not_ended()
    {
        var invocation = new Invocation("{}"u8.ToArray());
        invocation.Delivered.TrySetResult();

        Assert.False(invocation.EndedBeforeDelivery);
        Assert.False(new Invocation("{}"u8.ToArray()).EndedBeforeDelivery);
    }
}

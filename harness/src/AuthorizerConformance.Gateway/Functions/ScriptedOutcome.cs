namespace AuthorizerConformance.Gateway;

/// <summary>One canned outcome of a <see cref="ScriptedAuthorizerFunction"/>. Switch on it exhaustively.</summary>
public abstract record ScriptedOutcome
{
    private ScriptedOutcome() { }

    /// <summary><c>{"return": json}</c>: the function returns this JSON text (<c>null</c> included), with
    /// <c>${methodArn}</c> and <c>${routeArn}</c> replaced by the incoming ARN.</summary>
    public sealed record Return(string Json) : ScriptedOutcome;

    /// <summary><c>{"error": "message"}</c>: the function fails with this <c>errorMessage</c>.</summary>
    public sealed record Error(string Message, string Type = "Error") : ScriptedOutcome;

    /// <summary><c>{"timeout": true}</c>: the function does not answer within the authorizer's timeout.</summary>
    public sealed record Timeout : ScriptedOutcome;
}

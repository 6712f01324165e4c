namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>One API Gateway operation call: name, verb, path relative to the endpoint (with query), body and the ids
/// it names (for error messages).</summary>
internal sealed record Call(string Operation, HttpMethod Method, string PathAndQuery, byte[]? Body)
{
    public string? RestApiId { get; init; }

    public string? AuthorizerId { get; init; }

    public string? StageName { get; init; }

    /// <summary>The path without the query, as logged and as it appears in IAM resource ARNs.</summary>
    public string Path => "/" + PathAndQuery.Split('?')[0];

    /// <summary>The IAM action the call needs: <c>apigateway:GET</c> or <c>apigateway:POST</c>.</summary>
    public string IamAction => "apigateway:" + Method.Method;
}

namespace AuthorizerConformance.Authorizer;

/// <summary>What the context flattening does with an array or object claim (OUT-5 forbids them in REST context).</summary>
public enum ContextNesting
{
    /// <summary>Encode the value as compact JSON text (<c>["a","b"]</c> becomes the string <c>"[\"a\",\"b\"]"</c>).</summary>
    Json,

    /// <summary>Leave the claim out.</summary>
    Drop,
}

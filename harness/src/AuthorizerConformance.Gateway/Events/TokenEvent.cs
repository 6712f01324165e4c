namespace AuthorizerConformance.Gateway;

/// <summary>TOK-11: the TOKEN event has exactly <c>type</c>, <c>authorizationToken</c> and <c>methodArn</c>.</summary>
internal static class TokenEvent
{
    public static byte[] Write(string token, string methodArn) => JsonWriting.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "TOKEN");
        // TOK-5: the entire raw header value, nothing stripped.
        w.WriteString("authorizationToken", token);
        w.WriteString("methodArn", methodArn);
        w.WriteEndObject();
    });
}

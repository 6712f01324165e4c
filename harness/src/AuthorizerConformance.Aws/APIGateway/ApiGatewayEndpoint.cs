namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>
/// Where API Gateway calls go, in the order the AWS SDKs use: an explicit URL (<c>--endpoint-url</c>), then
/// <c>AWS_ENDPOINT_URL_API_GATEWAY</c> (the service-specific variable wins), then <c>AWS_ENDPOINT_URL</c>, then
/// <c>https://apigateway.{region}.{dnsSuffix}</c>. Tests and local fakes use the variables.
/// </summary>
public static class ApiGatewayEndpoint
{
    /// <summary>The service-specific endpoint variable (SDK convention: <c>AWS_ENDPOINT_URL_</c> + service id in upper snake case).</summary>
    public const string ServiceVariable = "AWS_ENDPOINT_URL_API_GATEWAY";

    /// <summary>The endpoint variable for every service.</summary>
    public const string GlobalVariable = "AWS_ENDPOINT_URL";

    /// <summary>The base URL for <paramref name="region"/> (system name) in the partition of <paramref name="dnsSuffix"/>.</summary>
    /// <exception cref="ArgumentException">A configured URL is not an absolute http(s) URL; the message names its source.</exception>
    public static Uri Resolve(string? explicitUrl, string region, string dnsSuffix, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitUrl))
            return Parse(explicitUrl, "the endpoint URL");
        foreach (var variable in new[] { ServiceVariable, GlobalVariable })
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
                return Parse(value, variable);
        }
        return new Uri($"https://apigateway.{region}.{dnsSuffix}/");
    }

    private static Uri Parse(string value, string source)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
            throw new ArgumentException($"{source} must be an absolute http or https URL without a query, e.g. http://127.0.0.1:4566 (got \"{value}\").");
        // A base path is kept (a proxy may serve the API under one); operation paths are appended to it.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}

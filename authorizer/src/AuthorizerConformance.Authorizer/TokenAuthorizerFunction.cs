using System.Text.Json;
using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The Lambda entry point for the managed .NET runtime: a Stream-in/Stream-out handler, so no Amazon.Lambda
/// serializer package is needed. Handler string:
/// <c>AuthorizerConformance.Authorizer::AuthorizerConformance.Authorizer.TokenAuthorizerFunction::FunctionHandler</c>.
/// A thrown exception becomes the Lambda function error (its message is the <c>errorMessage</c>).
/// </summary>
public sealed class TokenAuthorizerFunction
{
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _timeProvider;

    /// <summary>Used by the Lambda runtime: real environment, real clock.</summary>
    public TokenAuthorizerFunction() : this(Environment.GetEnvironmentVariable, TimeProvider.System) { }

    /// <summary>Used by tests and the harness: injected environment and clock.</summary>
    public TokenAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider)
    {
        _environment = environment;
        _timeProvider = timeProvider;
    }

    /// <summary>Reads one TOKEN event from <paramref name="input"/> and returns the response JSON.</summary>
    public async Task<Stream> FunctionHandler(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        APIGatewayCustomAuthorizerRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(input, APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerRequest)
                .ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new UnauthorizedException("event-not-json", e);
        }
        if (request is null)
            throw new UnauthorizedException("event-null");

        // Configuration is read per invocation: a misconfiguration is a 500-class error, never "Unauthorized".
        var settings = AuthorizerSettings.FromEnvironment(_environment);
        var response = await new TokenAuthorizer(settings, _timeProvider).AuthorizeAsync(request).ConfigureAwait(false);

        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, response, APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse)
            .ConfigureAwait(false);
        output.Position = 0;
        return output;
    }
}

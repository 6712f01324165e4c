namespace AuthorizerConformance.Authorizer;

/// <summary>The validation shared by every variant: identity value in, <see cref="Authorization"/> out.</summary>
internal sealed class AuthorizerEngine
{
    private readonly JwtValidator _validator;
    private readonly SigningKeyStore _keys;

    private AuthorizerEngine(AuthorizerSettings settings, SigningKeyStore keys, TimeProvider time)
    {
        Settings = settings;
        _keys = keys;
        _validator = new JwtValidator(settings, keys, time);
    }

    public AuthorizerSettings Settings { get; }

    /// <summary>Builds the engine and loads every key now, so misconfiguration surfaces before any token is judged.</summary>
    public static async Task<AuthorizerEngine> CreateAsync(AuthorizerSettings settings, HttpClient http, TimeProvider time, TextWriter log, CancellationToken cancellationToken)
    {
        var keys = new SigningKeyStore(settings, http, time, log);
        await keys.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        return new AuthorizerEngine(settings, keys, time);
    }

    /// <summary>Validates the identity value (raw token or <c>Bearer</c> token) and reads principal, context and scopes.</summary>
    public async Task<Authorization> AuthorizeAsync(string? identity, CancellationToken cancellationToken)
    {
        var token = TokenExtractor.Extract(identity);
        try
        {
            using var jwt = await _validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            var principal = ClaimsReader.PrincipalId(jwt.Payload, Settings.PrincipalClaim);
            return new Authorization(principal, ContextFlattener.Flatten(jwt.Payload, Settings), ClaimsReader.Scopes(jwt.Payload, Settings.ScopeClaim));
        }
        catch (UnauthorizedException e)
        {
            e.LogSafeToken ??= LogSafe.Token(token);
            throw;
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// One authorizer deployment for a test: environment, fake clock, in-memory HTTP and a captured log, with one
/// instance of each handler (so caches live across invocations as in a warm Lambda).
/// </summary>
internal sealed class TestAuthorizer : IDisposable
{
    public const string MethodArn = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/GET/pets/42";

    private readonly Dictionary<Variant, (AuthorizerFunctionBase Function, Func<Stream, Task<Stream>> Handler)> _functions = [];
    private readonly List<string> _files = [];

    public TestAuthorizer(params (string Name, string? Value)[] environment)
    {
        foreach (var (name, value) in environment)
            Env[name] = value;
    }

    /// <summary>Only AUTH_TOKEN_SALT: the seed's configuration.</summary>
    public static TestAuthorizer SaltOnly() => new((EnvironmentVariables.TokenSalt, SharedKeys.Ring.Secret));

    /// <summary>Secret, JWKS file, issuer and audience: every check switched on.</summary>
    public static TestAuthorizer Hardened()
    {
        var authorizer = new TestAuthorizer(
            (EnvironmentVariables.TokenSalt, SharedKeys.Ring.Secret),
            (EnvironmentVariables.Issuer, SharedKeys.Issuer),
            (EnvironmentVariables.Audience, SharedKeys.Audience));
        authorizer.Env[EnvironmentVariables.JwksFile] = authorizer.TempFile(SharedKeys.Ring.JwksJson());
        return authorizer;
    }

    public Dictionary<string, string?> Env { get; } = [];
    public FakeTimeProvider Time { get; } = new(SharedKeys.Now);
    public StringWriter Log { get; } = new();
    public StubHttpHandler Http { get; } = new();

    public string TempFile(string content)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, content);
        _files.Add(path);
        return path;
    }

    public static string Mint(string alg = "HS256", Func<ClaimsBuilder, ClaimsBuilder>? claims = null, Action<JsonObject>? header = null)
    {
        var builder = ClaimsBuilder.Standard(SharedKeys.Now);
        return TokenFactory.Mint((claims?.Invoke(builder) ?? builder).Build(), alg, SharedKeys.Ring.For(alg), header);
    }

    public Task<Outcome> TokenAsync(string? token, string methodArn = MethodArn)
    {
        var e = new JsonObject { ["type"] = "TOKEN", ["authorizationToken"] = token, ["methodArn"] = methodArn };
        return InvokeAsync(Variant.Token, e.ToJsonString());
    }

    public async Task<Outcome> InvokeAsync(Variant variant, string eventJson)
    {
        var handler = Function(variant);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(eventJson));
        try
        {
            await using var output = await handler(input);
            return new Outcome((await JsonNode.ParseAsync(output))!.AsObject(), null, null, null);
        }
        catch (UnauthorizedException e)
        {
            return new Outcome(null, e.GetType().Name, e.Message, e.Reason);
        }
        catch (AuthorizerConfigurationException e)
        {
            return new Outcome(null, e.GetType().Name, e.Message, null);
        }
    }

    private Func<Stream, Task<Stream>> Function(Variant variant)
    {
        if (_functions.TryGetValue(variant, out var known))
            return known.Handler;
        string? Get(string name) => Env.GetValueOrDefault(name);
        (AuthorizerFunctionBase, Func<Stream, Task<Stream>>) created = variant switch
        {
            Variant.Token => Pair(new TokenAuthorizerFunction(Get, Time, Http, Log), f => f.FunctionHandler),
            Variant.Request => Pair(new RequestAuthorizerFunction(Get, Time, Http, Log), f => f.FunctionHandler),
            Variant.HttpSimple => Pair(new HttpApiSimpleAuthorizerFunction(Get, Time, Http, Log), f => f.FunctionHandler),
            Variant.HttpIam => Pair(new HttpApiIamAuthorizerFunction(Get, Time, Http, Log), f => f.FunctionHandler),
            Variant.WebSocket => Pair(new WebSocketAuthorizerFunction(Get, Time, Http, Log), f => f.FunctionHandler),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        _functions[variant] = created;
        return created.Item2;
    }

    private static (AuthorizerFunctionBase, Func<Stream, Task<Stream>>) Pair<T>(T function, Func<T, Func<Stream, Task<Stream>>> handler)
        where T : AuthorizerFunctionBase => (function, handler(function));

    public void Dispose()
    {
        foreach (var (function, _) in _functions.Values)
            function.Dispose();
        foreach (var file in _files)
            File.Delete(file);
        Http.Dispose();
        Log.Dispose();
    }
}

internal enum Variant
{
    Token,
    Request,
    HttpSimple,
    HttpIam,
    WebSocket,
}

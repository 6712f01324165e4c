using System.Text;
using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

public sealed class FunctionHostTargetTests : IDisposable
{
    private readonly RunKeys _keys = RunKeys.Create();
    private readonly List<FakeHost> _started = [];

    private static readonly AuthorizerProfile Profile = AuthorizerProfileReader.Parse("""
        {"name": "fake", "function": "node:auth.mjs#handler", "type": "TOKEN",
         "tokens": {"alg": ["HS256", "RS256"], "secretEnv": "SALT", "jwksEnv": "JWKS", "jwksFileEnv": "JWKS_FILE"},
         "environment": {"LOG_LEVEL": "info"}, "timeoutSeconds": 3, "poolSize": 4}
        """, "fake.json", "/profiles").OrThrow();

    private static readonly AuthorizerDefinition Token = new() { Name = "A", Type = AuthorizerType.Token };

    public void Dispose() => _keys.Dispose();

    private FunctionHostTarget Target() => new(Profile, _keys, info =>
    {
        var host = new FakeHost(info);
        _started.Add(host);
        return host;
    });

    private static TargetFunctionRequest Request(AuthorizerDefinition authorizer, TextWriter log, bool withoutKeys = false, ApiType api = ApiType.Rest) =>
        new(authorizer, api, new Dictionary<string, string>(), withoutKeys, TimeProvider.System, log);

    [Fact]
    public async Task One_warm_host_serves_every_scenario_each_with_its_own_log_and_the_run_s_keys_in_the_profile_s_variables()
    {
        var target = Target();
        using var first = new StringWriter();
        using var second = new StringWriter();

        await target.CreateFunction(Request(Token, first)).InvokeAsync("{\"n\":1}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await target.CreateFunction(Request(Token, second)).InvokeAsync("{\"n\":2}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        var host = Assert.Single(_started);
        Assert.Equal(2, host.Invocations);
        Assert.Equal("invoked with {\"n\":1}", first.ToString().Trim());
        Assert.Equal("invoked with {\"n\":2}", second.ToString().Trim());
        Assert.Equal(("node:auth.mjs#handler", "/profiles", TimeSpan.FromSeconds(3), 4), (host.Info.Function, host.Info.BaseDirectory, host.Info.Timeout, host.Info.PoolSize));
        Assert.Equal(_keys.Secret, host.Info.Environment["SALT"]);
        Assert.Equal(_keys.JwksJson, host.Info.Environment["JWKS"]);
        Assert.Equal(_keys.JwksJson, File.ReadAllText(host.Info.Environment["JWKS_FILE"]));
        Assert.Equal("info", host.Info.Environment["LOG_LEVEL"]);
        Assert.Equal([TargetCapability.GatewayEmulation, TargetCapability.PassingTime], target.Capabilities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_scenario_without_keys_gets_a_second_host_started_without_the_secret_and_key_variables()
    {
        var target = Target();

        await target.CreateFunction(Request(Token, TextWriter.Null, withoutKeys: true)).InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await target.CreateFunction(Request(Token, TextWriter.Null)).InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(2, _started.Count);
        Assert.Equal(["LOG_LEVEL"], _started[0].Info.Environment.Keys);
        Assert.Contains("SALT", _started[1].Info.Environment.Keys);
        await target.DisposeAsync();
        Assert.All(_started, h => Assert.True(h.Disposed));
    }

    [Fact]
    public async Task A_scenario_with_an_empty_secret_gets_a_host_whose_secret_variable_is_empty_and_no_other_key()
    {
        var target = Target();

        await target.CreateFunction(Request(Token, TextWriter.Null) with { EmptySecret = true }).InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        var host = Assert.Single(_started);
        Assert.Equal(["LOG_LEVEL", "SALT"], host.Info.Environment.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("", host.Info.Environment["SALT"]);
        await target.DisposeAsync();
    }

    [Fact]
    public async Task An_in_process_function_runs_one_configuration_at_a_time_because_it_shares_the_process_environment()
    {
        var profile = Profile with { Function = "dotnet:Auth.dll::Auth.Function::Handle" };
        var target = new FunctionHostTarget(profile, _keys, info =>
        {
            var started = new FakeHost(info);
            _started.Add(started);
            return started;
        });
        async Task Call(bool withoutKeys) => await target.CreateFunction(Request(Token, TextWriter.Null, withoutKeys))
            .InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        await Call(withoutKeys: false);
        await Call(withoutKeys: true);
        Assert.True(_started[0].Disposed, "the configured host must stop before the host without keys starts");
        await Call(withoutKeys: false);

        Assert.Equal(3, _started.Count);
        Assert.True(_started[1].Disposed);
        Assert.Contains("SALT", _started[2].Info.Environment.Keys);
        await target.DisposeAsync();
        Assert.All(_started, h => Assert.True(h.Disposed));
    }

    [Fact]
    public void An_authorizer_of_another_type_is_not_applicable_and_says_why()
    {
        var request = new AuthorizerDefinition { Name = "A", Type = AuthorizerType.Request };

        var error = Assert.Throws<ScenarioNotApplicableException>(() => Target().CreateFunction(Request(request, TextWriter.Null, api: ApiType.WebSocket)));

        Assert.Equal("The profile 'fake' describes a TOKEN authorizer; this scenario's authorizer A on a WebSocket API needs a WEBSOCKET function.", error.Message);
        Assert.Empty(_started);
    }

    [Fact]
    public async Task A_function_that_cannot_start_is_a_profile_error_naming_the_function_not_a_stack_trace()
    {
        var target = new FunctionHostTarget(Profile, _keys, _ => throw new FunctionStartException("auth.mjs does not exist in /profiles"));
        var function = target.CreateFunction(Request(Token, TextWriter.Null));

        var error = await Assert.ThrowsAsync<ProfileException>(async () =>
            await function.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.Equal("fake: $.function: the function \"node:auth.mjs#handler\" could not be started: auth.mjs does not exist in /profiles", error.Message);
        Assert.Throws<ProfileException>(target.Warm);
        await target.DisposeAsync();
    }

    [Fact]
    public void A_profile_s_function_kind_picks_its_target()
    {
        Assert.IsType<FunctionHostTarget>(ConformanceTargets.FromProfile(Profile, _keys));
        Assert.IsType<ReferenceTarget>(ConformanceTargets.FromProfile(AuthorizerProfile.Reference, _keys));
        Assert.Null(ProfileFunctionKinds.Problem("dotnet:a.dll::N.T::M"));
        Assert.NotNull(ProfileFunctionKinds.Problem("references"));
    }

    private sealed class FakeHost(FunctionStartInfo info) : IFunctionHost
    {
        public FunctionStartInfo Info { get; } = info;
        public int Invocations { get; private set; }
        public bool Disposed { get; private set; }

        public string Function => Info.Function;

        public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
        {
            Invocations++;
            log.WriteLine("invoked with " + Encoding.UTF8.GetString(eventJson.Span));
            return ValueTask.FromResult<AuthorizerInvocation>(new AuthorizerInvocation.Returned("{}"u8.ToArray()));
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

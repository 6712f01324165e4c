using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Tests;

public class AuthorizerProfileReaderTests
{
    private const string IssueExample = """
        {
          "function": "node:/abs/or/relative-to-this-file/auth.mjs#handler",
          "type": "TOKEN",
          "identitySource": ["Authorization"],
          "tokens": { "alg": "HS256", "secretEnv": "AUTH_TOKEN_SALT" },
          "principalClaims": ["sub", "userId"],
          "context": "primitive-claims",
          "bearer": true,
          "environment": { "LOG_LEVEL": "info" }
        }
        """;

    private static ProfileLoadResult Parse(string json) => AuthorizerProfileReader.Parse(json, "profile.json", "/profiles");

    [Fact]
    public void The_issue_s_example_reads_with_every_contract_key()
    {
        var profile = Parse(IssueExample).OrThrow();

        Assert.Equal("node:/abs/or/relative-to-this-file/auth.mjs#handler", profile.Function);
        Assert.Equal(["TOKEN"], profile.Types);
        Assert.Equal(["Authorization"], profile.IdentitySource);
        Assert.Equal(["HS256"], profile.Tokens.Algorithms);
        Assert.Equal("AUTH_TOKEN_SALT", profile.Tokens.SecretEnv);
        Assert.Equal(["sub", "userId"], profile.PrincipalClaims);
        Assert.True(profile.Context.PrimitiveClaims);
        Assert.True(profile.Bearer);
        Assert.Equal("info", profile.Environment["LOG_LEVEL"]);
        Assert.Equal("/profiles", profile.BaseDirectory);
        Assert.Equal("profile", profile.Name);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_the_file_its_line_and_json_path()
    {
        var result = Parse("""
            {
              "function": "node:auth.mjs",
              "tokens": { "alg": "HS256", "secretEnv": "S", "algs": "RS256" },
              "bearr": false
            }
            """);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("profile.json:3: $.tokens.algs: unknown key", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("profile.json:4: $.bearr: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_that_does_not_parse_is_one_error_with_its_line()
    {
        var error = Assert.Single(Parse("{\n  \"function\": \"node:a.mjs\",\n  \"type\": TOKEN\n}").Errors);

        Assert.Equal(3, error.Line);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "type": "JWT"}""", "$.type", "not an authorizer type")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "type": ["TOKEN", "BASIC"]}""", "$.type[1]", "not an authorizer type")]
    [InlineData("""{"function": "java:a.jar", "tokens": {"alg": "HS256", "secretEnv": "S"}}""", "$.function", "has no known kind")]
    [InlineData("""{"function": "node:", "tokens": {"alg": "HS256", "secretEnv": "S"}}""", "$.function", "names no function")]
    [InlineData("""{"tokens": {"alg": "HS256", "secretEnv": "S"}}""", "$", "\"function\" is required")]
    [InlineData("""{"function": "node:a.mjs"}""", "$", "\"tokens\" is required")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256"}}""", "$.tokens", "needs \"secretEnv\"")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "RS256"}}""", "$.tokens", "needs \"jwksEnv\" or \"jwksFileEnv\"")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": ["HS256", "none"], "secretEnv": "S"}}""", "$.tokens.alg[1]", "not an algorithm")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "environment": {"S": "x"}}""", "$.environment.S", "set by the harness")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "environment": {"N": 1}}""", "$.environment.N", "must be a string")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "context": "all"}""", "$.context", "primitive-claims")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "principalClaims": []}""", "$.principalClaims", "must not be empty")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "bearer": "yes"}""", "$.bearer", "true or false")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "poolSize": 1.5}""", "$.poolSize", "an integer")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "timeoutSeconds": 0}""", "$.timeoutSeconds", "from 1 to 900")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S", "requiredClaims": ["tenant"]}}""", "$.tokens.requiredClaims[0]", "needs a value in tokens.claims")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "name": "\ud800"}""", "$.name", "surrogate")]
    [InlineData("""["node:a.mjs"]""", "$", "a JSON object")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"secretEnv": "S"}, "scopeRoutes": {"w": ["POST /a", "orders"]}}""", "$.scopeRoutes.w[1]", "not a route")]
    [InlineData("""{"function": "node:a.mjs", "tokens": {"secretEnv": "S"}, "scopeRoutes": ["POST /a"]}""", "$.scopeRoutes", "must be an object")]
    public void A_wrong_value_is_an_error_naming_its_json_path(string json, string path, string message)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_key_is_an_error()
    {
        var result = Parse("""{"function": "node:a.mjs", "function": "node:b.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}}""");

        Assert.Contains("not valid JSON", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    // Found by the fuzz tests' CsCheck property: the duplicate-name check threw InvalidOperationException on a member
    // name that is an escaped lone surrogate, before the text check could name it.
    [Fact]
    public void A_member_name_that_is_half_a_surrogate_pair_is_an_error_not_an_exception()
    {
        var result = Parse("""{"function": "node:a.mjs", "con\ud800text": "none", "tokens": {"alg": "HS256", "secretEnv": "S"}}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path); // the name cannot be printed; its object is named
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var result = Parse("""{"function": "node:a.mjs", "tokens": {"alg": "HS256", "secretEnv": "S"}, "a": 1, "b": 2, "bearer": 3}""");

        Assert.Equal(["$.a", "$.b", "$.bearer"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Defaults_fill_what_a_minimal_profile_leaves_out_and_comments_are_allowed()
    {
        var profile = Parse("""
            // the smallest profile
            {"function": "python:auth.py#handler", "tokens": {"secretEnv": "SECRET"}}
            """).OrThrow();

        Assert.Equal(["TOKEN"], profile.Types);
        Assert.Equal(["Authorization"], profile.IdentitySource);
        Assert.Equal(["HS256"], profile.Tokens.Algorithms);
        Assert.Equal(["sub"], profile.PrincipalClaims);
        Assert.False(profile.Context.PromisesClaims);
        Assert.True(profile.Bearer);
        Assert.Equal(TimeSpan.FromSeconds(10), profile.Timeout);
        Assert.Equal(2, profile.PoolSize);
    }

    [Fact]
    public void The_additions_read_issuer_audience_required_claims_jwks_variables_and_a_context_list()
    {
        var profile = Parse("""
            {"name": "orders", "function": "command:./bootstrap", "type": ["REQUEST", "HTTP_SIMPLE"], "identitySource": "X-Token",
             "tokens": {"alg": ["RS256", "ES256"], "jwksEnv": "JWKS", "jwksFileEnv": "JWKS_FILE", "issuer": ["https://a/", "https://b/"],
                        "audience": "orders-api", "requiredClaims": ["exp", "tenant"], "claims": {"tenant": "t-1"}},
             "principalClaims": "email", "context": ["tenant", "scope"], "bearer": false, "timeoutSeconds": 3, "poolSize": 4,
             "scopeRoutes": {"orders:write": ["POST /orders/*", "PUT /orders/*"], "orders:read": "GET /orders/*"}}
            """).OrThrow();

        Assert.Equal(("orders", "X-Token", false), (profile.Name, profile.TokenHeader, profile.ReadsAuthorizationHeader));
        Assert.Equal(["REQUEST", "HTTP_SIMPLE"], profile.Types);
        Assert.Equal(["RS256", "ES256"], profile.Tokens.Algorithms);
        Assert.Equal(["https://a/", "https://b/"], profile.Tokens.Issuers);
        Assert.Equal(["orders-api"], profile.Tokens.Audiences);
        Assert.Equal(["exp", "tenant"], profile.Tokens.RequiredClaims);
        Assert.Equal(["email"], profile.PrincipalClaims);
        Assert.True(profile.Context.Promises("tenant"));
        Assert.False(profile.Context.Promises("sub"));
        Assert.Equal((TimeSpan.FromSeconds(3), 4), (profile.Timeout, profile.PoolSize));
        Assert.Equal(["POST /orders/*", "PUT /orders/*"], profile.ScopeRoutes["orders:write"]);
        Assert.Equal(["GET /orders/*"], profile.ScopeRoutes["orders:read"]);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_where_it_was_looked_for()
    {
        var result = AuthorizerProfile.Load("no/such/profile.json");

        Assert.Contains(Path.GetFullPath("no/such/profile.json"), Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Throws<ProfileException>(() => result.OrThrow());
    }

    [Fact]
    public void A_profile_path_to_an_endless_device_is_refused_at_the_bound()
    {
        // Issue 16, class of defect 13: /dev/zero reports no length; the read stops at the bound instead of exhausting memory.
        var result = AuthorizerProfile.Load("/dev/zero");

        var error = Assert.Single(result.Errors);
        Assert.Contains($"larger than the {AuthorizerProfileReader.MaxBytes}-byte limit", error.Message, StringComparison.Ordinal);
        Assert.Throws<ProfileException>(() => result.OrThrow());
    }

    [Fact]
    public void A_profile_file_that_is_not_UTF8_is_an_error_naming_the_offset()
    {
        // Found by fuzzing (issue 13, target profile, harness/fuzz/corpus/profile/finding-02-not-utf8): a member name
        // holding a byte that is not UTF-8 threw InvalidOperationException where the reader read it.
        var file = Path.Combine(Directory.CreateTempSubdirectory("authz-profile-").FullName, "p.json");
        File.WriteAllBytes(file, [.. "{\"na"u8, 0xD4, .. "\":6}"u8]);

        var result = AuthorizerProfile.Load(file);

        Assert.Equal("the profile file: not UTF-8 text (a byte that is not UTF-8 at offset 4)", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_relative_profile_path_resolves_against_the_current_directory_and_its_function_against_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("authz-profile-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "p.json"), IssueExample);
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder.FullName, "p.json"));

            var profile = AuthorizerProfile.Load(relative).OrThrow();

            Assert.Equal(folder.FullName, profile.BaseDirectory);
            Assert.Equal(Path.Combine(folder.FullName, "p.json"), profile.SourceFile);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_registered_key_is_read_into_the_extensions_and_validated()
    {
        AuthorizerProfileReader.RegisterKey("x-test-region", v => v.ValueKind == System.Text.Json.JsonValueKind.String ? null : "must be a string");

        var ok = Parse("""{"function": "node:a.mjs", "tokens": {"secretEnv": "S"}, "x-test-region": "eu-west-1"}""").OrThrow();
        var bad = Parse("""{"function": "node:a.mjs", "tokens": {"secretEnv": "S"}, "x-test-region": 1}""");

        Assert.Equal("\"eu-west-1\"", ok.Extensions["x-test-region"]);
        Assert.Equal("$.x-test-region", Assert.Single(bad.Errors).Path);
    }

    [Fact]
    public void The_built_in_reference_profile_serves_every_type_and_its_environment_carries_the_run_s_keys()
    {
        using var keys = Tokens.RunKeys.Create();
        var profile = AuthorizerProfile.Reference;

        var environment = profile.EnvironmentFor(keys);
        var withoutKeys = profile.EnvironmentFor(keys, withoutKeys: true);

        Assert.Equal(AuthorizerProfileType.All, profile.Types);
        Assert.Equal(keys.Secret, environment["AUTH_TOKEN_SALT"]);
        Assert.Equal(keys.JwksJson, File.ReadAllText(environment["AUTH_JWKS_FILE"]));
        Assert.False(withoutKeys.ContainsKey("AUTH_TOKEN_SALT"));
        Assert.False(withoutKeys.ContainsKey("AUTH_JWKS_FILE"));
        Assert.Equal(Tokens.TokenDefaults.Standard.Issuer, withoutKeys["AUTH_ISSUER"]);
        Assert.IsType<ReferenceTarget>(ConformanceTargets.FromProfile(profile, keys));
    }
}

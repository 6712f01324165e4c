using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Gateway.Tests;

/// <summary>The REST TOKEN pipeline around the in-process reference authorizer (HS256), keys generated per test.</summary>
public class ReferenceAuthorizerTests
{
    private readonly string _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private string Sign(DateTime expires, string key)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["userId"] = "alice", ["tier"] = 2 },
            Expires = expires,
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    [Fact]
    public async Task Valid_token_allows_its_method_and_forwards_claims_as_stringified_context()
    {
        var kit = ReferenceKit.Create(_secret);
        var token = Sign(Kit.Start.UtcDateTime.AddHours(1), _secret);
        var result = await kit.Send("GET", "/pets/1", ("Authorization", token));
        Expect.Admitted(result);
        var authorizer = Expect.Context(result).GetProperty("authorizer");
        Assert.Equal("alice", authorizer.GetProperty("principalId").GetString());
        Assert.Equal("2", authorizer.GetProperty("tier").GetString());
        // CAC-4: the reference authorizer's Allow covers the whole stage, so the cached output also admits the next method.
        var next = await kit.Send("POST", "/pets", ("Authorization", token));
        Expect.Admitted(next);
        Assert.True(next.CacheHit);
        Assert.False(next.AuthorizerInvoked);
    }

    [Fact]
    public async Task Expired_or_foreign_token_is_401_from_the_function() // expired beyond the authorizer's 60 s default skew
    {
        var kit = ReferenceKit.Create(_secret);
        Expect.Rejected(await kit.Send("GET", "/pets/1", ("Authorization", Sign(Kit.Start.UtcDateTime.AddMinutes(-5), _secret))), 401, FailureCodes.AuthorizerUnauthorized);
        var other = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        Expect.Rejected(await kit.Send("GET", "/pets/1", ("Authorization", Sign(Kit.Start.UtcDateTime.AddHours(1), other))), 401, FailureCodes.AuthorizerUnauthorized);
    }

    [Fact]
    public async Task Missing_secret_is_a_500_configuration_error()
    {
        var kit = ReferenceKit.Create(null);
        var result = await kit.Send("GET", "/pets/1", ("Authorization", Sign(Kit.Start.UtcDateTime.AddHours(1), _secret)));
        Expect.Rejected(result, 500, FailureCodes.AuthorizerError);
    }
}

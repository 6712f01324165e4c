using System.Text.Json;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Profiles;

public static partial class AuthorizerProfileReader
{
    private static readonly HashSet<string> TopKeys = new(StringComparer.Ordinal)
    {
        "name", "description", "function", "type", "identitySource", "tokens", "principalClaims", "context", "bearer",
        "environment", "timeoutSeconds", "poolSize", "scopeRoutes", "region", "stage",
    };

    private static readonly HashSet<string> TokenKeys = new(StringComparer.Ordinal)
    {
        "alg", "secretEnv", "jwksEnv", "jwksFileEnv", "issuer", "audience", "requiredClaims", "claims", "scopeClaim",
        "secret", "privateKey", "kid",
    };

    /// <summary>One reading of one file: its errors, with lines.</summary>
    private sealed class Reading(string file, JsonLineMap lines)
    {
        public List<ProfileError> Errors { get; } = [];

        public void Error(string path, string message) => Errors.Add(new ProfileError(file, lines.LineOf(path), path, message));

        public AuthorizerProfile? Profile(JsonElement root, string fileName, string baseDirectory, string? sourceFile)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "a profile is a JSON object");
                return null;
            }
            var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (TopKeys.Contains(property.Name))
                    continue;
                Func<JsonElement, string?>? validate;
                lock (Gate)
                    ExtensionKeys.TryGetValue(property.Name, out validate);
                if (validate is null)
                {
                    Error($"$.{property.Name}", $"unknown key; expected one of {string.Join(", ", TopKeys.Concat(ExtensionKeysSnapshot()))}");
                    continue;
                }
                if (validate(property.Value) is { } problem)
                    Error($"$.{property.Name}", problem);
                else
                    extensions[property.Name] = property.Value.GetRawText();
            }

            var function = root.TryGetProperty("function", out var f) ? String(f, "$.function") : null;
            if (!root.TryGetProperty("function", out _))
                Error("$", "the key \"function\" is required (e.g. \"node:auth.mjs#handler\")");
            else if (function is not null && ProfileFunctionKinds.Problem(function) is { } functionProblem)
                Error("$.function", functionProblem);

            var deployed = function is not null && ProfileFunctionKinds.IsDeployed(function);
            var tokens = root.TryGetProperty("tokens", out var t) ? Tokens(t, deployed) : null;
            var principal = root.TryGetProperty("principalClaims", out var p) ? Names(p, "$.principalClaims") : null;
            var environment = root.TryGetProperty("environment", out var e) ? Environment(e, tokens) : null;
            var profile = new AuthorizerProfile
            {
                Name = (root.TryGetProperty("name", out var n) ? String(n, "$.name") : null) ?? Path.GetFileNameWithoutExtension(fileName),
                Function = function ?? "",
                BaseDirectory = baseDirectory,
                SourceFile = sourceFile,
                Types = root.TryGetProperty("type", out var ty) ? Types(ty) ?? [] : [AuthorizerProfileType.Token],
                IdentitySource = root.TryGetProperty("identitySource", out var i) ? Names(i, "$.identitySource") ?? [] : ["Authorization"],
                Tokens = tokens ?? new ProfileTokens(["HS256"], null, null, null, [], [], [], "{}"),
                PrincipalClaims = principal ?? ["sub"],
                Context = root.TryGetProperty("context", out var c) ? Context(c) : ProfileContext.None,
                Bearer = !root.TryGetProperty("bearer", out var b) || Bool(b, "$.bearer"),
                Environment = environment ?? new Dictionary<string, string>(StringComparer.Ordinal),
                Timeout = root.TryGetProperty("timeoutSeconds", out var to) ? TimeSpan.FromSeconds(Number(to, "$.timeoutSeconds", 1, 900)) : TimeSpan.FromSeconds(10),
                ScopeRoutes = root.TryGetProperty("scopeRoutes", out var sr) ? ScopeRoutes(sr) : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
                PoolSize = root.TryGetProperty("poolSize", out var ps) ? (int)Number(ps, "$.poolSize", 1, 16, integer: true) : 2,
                Extensions = extensions,
                Region = root.TryGetProperty("region", out var rg) ? DeployedOnly(rg, "$.region", function, ProfileFunctionKinds.TestInvokePrefix) : null,
                StageName = root.TryGetProperty("stage", out var st) ? DeployedOnly(st, "$.stage", function, ProfileFunctionKinds.TestInvokePrefix) : null,
            };
            if (deployed)
                CheckDeployed(root, function!);
            if (root.TryGetProperty("description", out var d))
                String(d, "$.description");
            if (tokens is null && function is not null)
                Error("$", "the key \"tokens\" is required: how the harness signs tokens and hands the function its keys (e.g. {\"alg\": \"HS256\", \"secretEnv\": \"AUTH_TOKEN_SALT\"})");
            if (tokens is not null)
                CheckRequiredClaims(tokens, profile.PrincipalClaims);
            return profile;
        }

        private static IEnumerable<string> ExtensionKeysSnapshot()
        {
            lock (Gate)
                return [.. ExtensionKeys.Keys];
        }

        private ProfileTokens? Tokens(JsonElement tokens, bool deployed)
        {
            if (tokens.ValueKind != JsonValueKind.Object)
            {
                Error("$.tokens", "must be an object (alg, secretEnv, jwksEnv, jwksFileEnv, issuer, audience, requiredClaims, claims)");
                return null;
            }
            foreach (var property in tokens.EnumerateObject().Where(p => !TokenKeys.Contains(p.Name)))
                Error($"$.tokens.{property.Name}", $"unknown key; expected one of {string.Join(", ", TokenKeys)}");
            List<string> algorithms = ["HS256"];
            if (tokens.TryGetProperty("alg", out var alg) && Names(alg, "$.tokens.alg") is { } listed)
            {
                algorithms = [];
                foreach (var (name, index) in listed.Select((a, i) => (a, i)))
                {
                    if (!ProfileTokens.KnownAlgorithms.Contains(name, StringComparer.Ordinal))
                        Error(alg.ValueKind == JsonValueKind.Array ? $"$.tokens.alg[{index}]" : "$.tokens.alg",
                            $"\"{name}\" is not an algorithm the harness signs; expected one of {string.Join(", ", ProfileTokens.KnownAlgorithms)}");
                    else
                        algorithms.Add(name);
                }
            }
            var secretEnv = Variable(tokens, "secretEnv");
            var jwksEnv = Variable(tokens, "jwksEnv");
            var jwksFileEnv = Variable(tokens, "jwksFileEnv");
            var claims = "{}";
            if (tokens.TryGetProperty("claims", out var extra))
            {
                if (extra.ValueKind != JsonValueKind.Object)
                    Error("$.tokens.claims", "must be an object of claims every valid token carries");
                else
                    claims = extra.GetRawText();
            }
            var result = new ProfileTokens(algorithms,
                secretEnv, jwksEnv, jwksFileEnv,
                tokens.TryGetProperty("issuer", out var iss) ? Names(iss, "$.tokens.issuer") ?? [] : [],
                tokens.TryGetProperty("audience", out var aud) ? Names(aud, "$.tokens.audience") ?? [] : [],
                tokens.TryGetProperty("requiredClaims", out var req) ? Names(req, "$.tokens.requiredClaims") ?? [] : [],
                claims,
                tokens.TryGetProperty("scopeClaim", out var sc) ? String(sc, "$.tokens.scopeClaim") ?? "scope" : "scope");
            var secret = EnvReference(tokens, "secret", deployed);
            var privateKey = EnvReference(tokens, "privateKey", deployed);
            var kid = tokens.TryGetProperty("kid", out var k) ? String(k, "$.tokens.kid") : null;
            if (kid is not null && !deployed)
                Error("$.tokens.kid", "is for deployed authorizers (test-invoke:, stage:), whose keys the user supplies; the run's own keys have their kids");
            result = result with { Secret = secret, PrivateKey = privateKey, Kid = kid };
            if (deployed)
            {
                foreach (var (key, value) in new[] { ("secretEnv", secretEnv), ("jwksEnv", jwksEnv), ("jwksFileEnv", jwksFileEnv) })
                {
                    if (value is not null)
                        Error($"$.tokens.{key}", "a deployed authorizer keeps its own configuration: the harness cannot hand it keys; give the key it trusts with \"secret\" or \"privateKey\" (\"env:NAME\")");
                }
                if (result.UsesSecret && secret is null)
                    Error("$.tokens", "an HS algorithm needs \"secret\": \"env:NAME\", the variable holding the secret the deployed authorizer verifies with");
                if (result.UsesPublicKeys && privateKey is null)
                    Error("$.tokens", "an RS/PS/ES algorithm needs \"privateKey\": \"env:NAME\", the variable holding a PEM private key whose public key the deployed authorizer trusts");
                return result;
            }
            if (result.UsesSecret && secretEnv is null)
                Error("$.tokens", "an HS algorithm needs \"secretEnv\": the variable the harness puts the run's secret in");
            if (result.UsesPublicKeys && jwksEnv is null && jwksFileEnv is null)
                Error("$.tokens", "an RS/PS/ES algorithm needs \"jwksEnv\" or \"jwksFileEnv\": the variable the harness puts the run's JWKS (or its file path) in");
            return result;
        }

        /// <summary><c>tokens.secret</c> / <c>tokens.privateKey</c>: <c>env:NAME</c> (deployed authorizers only). Only the
        /// variable's name is kept; its value is read when the run's keys are made, and never written anywhere.</summary>
        private string? EnvReference(JsonElement tokens, string key, bool deployed)
        {
            if (!tokens.TryGetProperty(key, out var value))
                return null;
            var path = $"$.tokens.{key}";
            var text = String(value, path);
            if (text is null)
                return null;
            if (!deployed)
            {
                Error(path, "is for deployed authorizers (test-invoke:, stage:); a local function gets the run's own keys through secretEnv, jwksEnv or jwksFileEnv");
                return null;
            }
            var name = text.StartsWith(ProfileTokens.EnvPrefix, StringComparison.Ordinal) ? text[ProfileTokens.EnvPrefix.Length..] : "";
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
            {
                // Never echo the value: it may be the secret itself, pasted by mistake.
                Error(path, "must be \"env:NAME\", naming the environment variable that holds it (a profile never holds a secret or key)");
                return null;
            }
            return name;
        }

        private string? DeployedOnly(JsonElement value, string path, string? function, string prefix)
        {
            var text = String(value, path);
            if (function is not null && !function.StartsWith(prefix, StringComparison.Ordinal))
                Error(path, $"is only for \"{prefix}…\" functions");
            else if (text is not null && (text.Length == 0 || text.Length > 128 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                Error(path, "must be 1 to 128 letters, digits, '-' or '_'");
            return text;
        }

        private void CheckDeployed(JsonElement root, string function)
        {
            if (ProfileFunctionKinds.DeployedProblem(function) is { } problem)
                Error("$.function", problem);
            foreach (var key in new[] { "environment", "timeoutSeconds", "poolSize" })
            {
                if (root.TryGetProperty(key, out _))
                    Error($"$.{key}", "a deployed authorizer keeps its own configuration: remove it (the harness neither starts nor configures it)");
            }
        }

        private void CheckRequiredClaims(ProfileTokens tokens, IReadOnlyList<string> principalClaims)
        {
            using var claims = JsonDocument.Parse(tokens.Claims);
            string[] standard = ["sub", "iss", "aud", "iat", "exp"];
            foreach (var (claim, index) in tokens.RequiredClaims.Select((c, i) => (c, i)))
            {
                if (!standard.Contains(claim) && !principalClaims.Contains(claim) && !claims.RootElement.TryGetProperty(claim, out _))
                    Error($"$.tokens.requiredClaims[{index}]", $"\"{claim}\" needs a value in tokens.claims, so valid tokens can carry it");
            }
        }

        private Dictionary<string, string>? Environment(JsonElement environment, ProfileTokens? tokens)
        {
            if (environment.ValueKind != JsonValueKind.Object)
            {
                Error("$.environment", "must be an object of strings (the function's variables)");
                return null;
            }
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            string?[] harnessSet = [tokens?.SecretEnv, tokens?.JwksEnv, tokens?.JwksFileEnv];
            foreach (var variable in environment.EnumerateObject())
            {
                var path = $"$.environment.{variable.Name}";
                if (variable.Value.ValueKind != JsonValueKind.String)
                    Error(path, "must be a string");
                else if (harnessSet.Contains(variable.Name))
                    Error(path, "is set by the harness (named in tokens): a profile never holds a secret or key; remove it");
                else if (variable.Name.Length == 0 || variable.Name.Contains('=', StringComparison.Ordinal))
                    Error(path, "is not a valid variable name");
                else
                    result[variable.Name] = variable.Value.GetString()!;
            }
            return result;
        }

        private List<string>? Types(JsonElement type)
        {
            var names = Names(type, "$.type");
            if (names is null)
                return null;
            foreach (var (name, index) in names.Select((n, i) => (n, i)))
            {
                if (!AuthorizerProfileType.All.Contains(name, StringComparer.Ordinal))
                    Error(type.ValueKind == JsonValueKind.Array ? $"$.type[{index}]" : "$.type",
                        $"\"{name}\" is not an authorizer type; expected one of {string.Join(", ", AuthorizerProfileType.All)}");
            }
            return [.. names.Distinct(StringComparer.Ordinal)];
        }

        private Dictionary<string, IReadOnlyList<string>> ScopeRoutes(JsonElement scopes)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (scopes.ValueKind != JsonValueKind.Object)
            {
                Error("$.scopeRoutes", "must be an object: scope → route or list of routes (\"VERB /path\")");
                return result;
            }
            foreach (var scope in scopes.EnumerateObject())
            {
                var path = $"$.scopeRoutes.{scope.Name}";
                if (Names(scope.Value, path) is not { } routes)
                    continue;
                foreach (var (route, index) in routes.Select((r, i) => (r, i)))
                {
                    var space = route.IndexOf(' ', StringComparison.Ordinal);
                    if (space <= 0 || route.Length <= space + 1 || route[space + 1] != '/')
                        Error(scope.Value.ValueKind == JsonValueKind.Array ? $"{path}[{index}]" : path, $"\"{route}\" is not a route \"VERB /path\"");
                }
                result[scope.Name] = routes;
            }
            return result;
        }

        private ProfileContext Context(JsonElement context)
        {
            if (context.ValueKind == JsonValueKind.String)
            {
                switch (context.GetString())
                {
                    case "primitive-claims":
                        return ProfileContext.AllPrimitiveClaims;
                    case "none":
                        return ProfileContext.None;
                    default:
                        Error("$.context", "must be \"primitive-claims\", \"none\" or a list of claim names");
                        return ProfileContext.None;
                }
            }
            return Names(context, "$.context") is { } names ? new ProfileContext(false, names) : ProfileContext.None;
        }

        private string? Variable(JsonElement parent, string key)
        {
            if (!parent.TryGetProperty(key, out var value))
                return null;
            var name = String(value, $"$.tokens.{key}");
            if (name is not null && (name.Length == 0 || name.Contains('=', StringComparison.Ordinal)))
            {
                Error($"$.tokens.{key}", "is not a valid environment variable name");
                return null;
            }
            return name;
        }

        /// <summary>A string, or a non-empty list of non-empty strings.</summary>
        private List<string>? Names(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
                return String(value, path) is { Length: > 0 } one ? [one] : Empty(path);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(path, "must be a string or a list of strings");
                return null;
            }
            var names = new List<string>();
            foreach (var (item, index) in value.EnumerateArray().Select((v, i) => (v, i)))
            {
                if (String(item, $"{path}[{index}]") is { } text)
                {
                    if (text.Length == 0)
                        Error($"{path}[{index}]", "must not be empty");
                    else
                        names.Add(text);
                }
            }
            return names.Count > 0 ? names : Empty(path);
        }

        private List<string>? Empty(string path)
        {
            Error(path, "must not be empty");
            return null;
        }

        private string? String(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
                return value.GetString();
            Error(path, "must be a string");
            return null;
        }

        private bool Bool(JsonElement value, string path)
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                return value.GetBoolean();
            Error(path, "must be true or false");
            return true;
        }

        private double Number(JsonElement value, string path, double min, double max, bool integer = false)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max
                && (!integer || Math.Floor(number) == number))
                return number;
            Error(path, $"must be {(integer ? "an integer" : "a number")} from {min} to {max}");
            return min;
        }
    }
}

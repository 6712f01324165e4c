using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// A behaviour file: a JSON object whose members are <c>api.behavior</c> options (what <c>authz calibrate --write</c>
/// writes; <c>--behavior FILE</c> and <c>AUTHZ_BEHAVIOR</c> load it). An unknown option or a wrong value is an error
/// naming the file, the line and the JSON path.
/// </summary>
public static class BehaviorFile
{
    /// <summary>Names a behaviour file for the conformance suite (<c>authz run --behavior</c> sets it).</summary>
    public const string EnvironmentVariable = "AUTHZ_BEHAVIOR";

    /// <summary>A behaviour file is a few dozen options.</summary>
    public const int MaxBytes = 64 << 10;

    /// <summary>Reads the behaviour file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file is missing, too large, not JSON, or names an unknown option (file:line: JSON path).</exception>
    public static GatewayBehavior Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = BoundedInput.ReadFile(path, MaxBytes, "behaviour file");
        return Parse(text, path);
    }

    /// <summary>Reads behaviour file text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="InputException">Not JSON, or an unknown option or wrong value (file:line: JSON path).</exception>
    public static GatewayBehavior Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(text, StrictJson.Relaxed);
        }
        catch (JsonException e)
        {
            throw new InputException($"{file}:{(e.LineNumber ?? 0) + 1}: {e.Path ?? "$"}: not valid JSON ({StrictJson.Describe(e)})");
        }
        using (document)
        {
            var (behavior, error) = ScenarioParser.ParseBehavior(document.RootElement, "", GatewayBehavior.Default);
            if (behavior is not null)
                return behavior;
            var jsonPath = error!.Path.Length == 0 ? "$" : "$." + error.Path;
            var lines = JsonLineMap.Build(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            throw new InputException($"{file}:{lines.LineOf(jsonPath) ?? 1}: {jsonPath}: {error.Message}");
        }
    }

    /// <summary>The text of a behaviour file holding <paramref name="options"/>, indented, one option per line.</summary>
    public static string Write(JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;
    }
}

using System.Text.Json;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Reads <c>{"kind": "scripted", "outcomes": [{"return": json} | {"returnText": "raw output"} | {"error": "message", "errorType"?: "T"} | {"timeout": true}]}</c>.
/// </summary>
internal static class ScriptedFunctionFactory
{
    public const string Kind = "scripted";

    public static FunctionResolution Create(FunctionSpec spec)
    {
        try
        {
            Json.Object(spec.Json, spec.Path, "kind", "outcomes");
            var at = Json.Child(spec.Path, "outcomes");
            if (!Json.Has(spec.Json, "outcomes", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
                return FunctionResolution.Failed(at, "must be a non-empty array of outcomes");
            var outcomes = new List<ScriptedOutcome>();
            var i = 0;
            foreach (var item in array.EnumerateArray())
                outcomes.Add(ReadOutcome(item, Json.Index(at, i++)));
            return FunctionResolution.Of(new ScriptedAuthorizerFunction(outcomes));
        }
        catch (ScenarioFormatException e)
        {
            return FunctionResolution.Failed(e.Path, e.Message);
        }
    }

    private static ScriptedOutcome ReadOutcome(JsonElement item, string path)
    {
        Json.Object(item, path, "return", "returnText", "error", "errorType", "timeout");
        var members = item.EnumerateObject().Select(p => p.Name).Where(n => n != "errorType").ToList();
        if (members.Count != 1)
            throw new ScenarioFormatException(path, "an outcome has exactly one of return, returnText, error, timeout");
        switch (members[0])
        {
            case "return":
                // {"return": null} means the function returned JSON null.
                return new ScriptedOutcome.Return(item.GetProperty("return").GetRawText());
            case "returnText":
                // The output exactly as written, for outputs a JSON scenario file cannot hold (a member named twice, say).
                return new ScriptedOutcome.Return(Json.String(item, path, "returnText", required: true)!);
            case "error":
                return new ScriptedOutcome.Error(Json.String(item, path, "error", required: true)!, Json.String(item, path, "errorType") ?? "Error");
            default:
                if (Json.Bool(item, path, "timeout") != true)
                    throw new ScenarioFormatException(Json.Child(path, "timeout"), "must be true");
                return new ScriptedOutcome.Timeout();
        }
    }
}

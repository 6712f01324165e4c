using System.Text.Json;
using AuthorizerConformance.Policy.Conditions;

namespace AuthorizerConformance.Policy;

public static partial class PolicyParser
{
    private static readonly string[] StatementElements =
        ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Principal", "NotPrincipal"];

    private static CompiledStatement? ReadStatement(
        JsonReader reader, JsonElement element, string path, int index, PolicyVersion version, HashSet<string> sids)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Error(path, $"a statement must be an object, found {JsonReader.Kind(element)}");
            return null;
        }
        var before = reader.Errors.Count;
        var members = reader.Members(element, path, StatementElements);
        foreach (var forbidden in new[] { "Principal", "NotPrincipal" })
        {
            if (members.ContainsKey(forbidden))
                reader.Error(JsonReader.Child(path, forbidden), $"{forbidden} is not allowed: an authorizer policy is identity-based (§1.1)");
        }
        var sid = ReadSid(reader, members, path, sids);
        var effect = ReadEffect(reader, members, path);
        var (isNotAction, actions) = ReadPair(reader, members, path, "Action", "NotAction", ValidateAction);
        var (isNotResource, resources) = ReadPair(reader, members, path, "Resource", "NotResource", ValidateResource);
        var conditions = ReadConditions(reader, members, path, version, out var entries);
        if (reader.Errors.Count > before || effect is null || actions is null || resources is null || conditions is null)
            return null;
        var model = new StatementModel(index, sid, effect.Value, isNotAction, actions.ToArray(), isNotResource, resources.ToArray(), entries);
        return new CompiledStatement(model, variables: version == PolicyVersion.V2012, conditions, reader.Options);
    }

    private static string? ReadSid(JsonReader reader, Dictionary<string, JsonElement> members, string path, HashSet<string> sids)
    {
        if (!members.TryGetValue("Sid", out var element))
            return null;
        var at = JsonReader.Child(path, "Sid");
        if (element.ValueKind != JsonValueKind.String)
        {
            reader.Error(at, $"must be a string, found {JsonReader.Kind(element)}");
            return null;
        }
        var sid = element.GetString()!;
        // API Gateway states no Sid rule; IAM allows only A-Z, a-z, 0-9 and unique Sids. Strict mode applies IAM's rule.
        if (reader.Options.StrictSid)
        {
            if (sid.Length == 0 || !sid.All(char.IsAsciiLetterOrDigit))
                reader.Error(at, $"\"{sid}\" must contain only A-Z, a-z and 0-9 (StrictSid)");
            else if (!sids.Add(sid))
                reader.Error(at, $"duplicate Sid \"{sid}\" (StrictSid)");
        }
        return sid;
    }

    private static PolicyEffect? ReadEffect(JsonReader reader, Dictionary<string, JsonElement> members, string path)
    {
        var at = JsonReader.Child(path, "Effect");
        if (!members.TryGetValue("Effect", out var element))
        {
            reader.Error(at, "is required");
            return null;
        }
        // POL-8: exactly "Allow" or "Deny"; "allow" is not grammatical and never allows.
        if (element.ValueKind == JsonValueKind.String)
        {
            switch (element.GetString())
            {
                case "Allow":
                    return PolicyEffect.Allow;
                case "Deny":
                    return PolicyEffect.Deny;
            }
        }
        reader.Error(at, $"must be exactly \"Allow\" or \"Deny\", found {Describe(element)}");
        return null;
    }

    private static (bool IsNot, List<string>? Values) ReadPair(
        JsonReader reader, Dictionary<string, JsonElement> members, string path, string positive, string negative,
        Func<string, PolicyOptions, string?> validate)
    {
        var hasPositive = members.TryGetValue(positive, out var positiveElement);
        var hasNegative = members.TryGetValue(negative, out var negativeElement);
        if (hasPositive == hasNegative)
        {
            reader.Error(JsonReader.Child(path, hasPositive ? negative : positive), hasPositive
                ? $"a statement must have exactly one of {positive} and {negative}, not both"
                : $"a statement must have exactly one of {positive} and {negative}");
            return (false, null);
        }
        var name = hasPositive ? positive : negative;
        var at = JsonReader.Child(path, name);
        var options = reader.Options;
        // POL-12: an empty Action/Resource list is valid and matches nothing (H/M); an empty NotAction/NotResource list
        // and an empty string entry have no evidence (L): each is read as its option says, or refused.
        var values = reader.Strings(hasPositive ? positiveElement : negativeElement, at,
            allowEmptyString: options.EmptyStringEntry != EmptyElementReading.Invalid,
            allowEmptyArray: hasPositive || options.EmptyNotList != EmptyElementReading.Invalid);
        if (values is null)
            return (!hasPositive, null);
        var ok = true;
        var single = (hasPositive ? positiveElement : negativeElement).ValueKind == JsonValueKind.String;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length > 0 && validate(values[i], options) is { } problem)
            {
                reader.Error(single ? at : $"{at}[{i}]", problem);
                ok = false;
            }
        }
        return (!hasPositive, ok ? values : null);
    }

    /// <summary>§1.3: "*" or service:action; no wildcard in the service prefix.</summary>
    private static string? ValidateAction(string action, PolicyOptions options)
    {
        if (action == "*")
            return null;
        var parts = action.Split(':');
        if (parts.Length != 2)
            return $"\"{action}\" must be \"*\" or service:action";
        var (service, name) = (parts[0], parts[1]);
        if (service.Contains('*', StringComparison.Ordinal) || service.Contains('?', StringComparison.Ordinal))
            return $"\"{action}\": a wildcard is not allowed in the service prefix";
        if (service.Length == 0 || !service.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return $"\"{action}\": the service prefix may contain only letters, digits and hyphens";
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '?' or '-' or '_'))
            return $"\"{action}\": the action name may contain only letters, digits, '-', '_' and the wildcards * and ?";
        return null;
    }

    /// <summary>§1.4, ARN-5: "*" or an ARN of at most 512 characters, with no wildcard in its service segment.</summary>
    private static string? ValidateResource(string resource, PolicyOptions options)
    {
        if (resource.Length > options.MaxResourceLength)
            return $"is {resource.Length} characters long; a Resource ARN in an authorizer policy is limited to {options.MaxResourceLength} (ARN-5)";
        if (resource == "*")
            return null;
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
            return $"\"{resource}\" must be \"*\" or an ARN starting with \"arn:\"";
        var segments = ResourcePattern.SplitSegments(resource);
        if (segments.Count < 3 || segments[2].Length == 0)
            return $"\"{resource}\" must name a service (arn:partition:service:…)";
        if (segments[2].IndexOfAny(['*', '?']) >= 0)
            return $"\"{resource}\": a wildcard is not allowed in the service segment";
        if (segments.Count == ArnView.FullSegments && segments[^1].Length == 0)
            return $"\"{resource}\" has an empty resource part";
        return null;
    }
}

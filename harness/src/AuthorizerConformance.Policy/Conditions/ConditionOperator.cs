namespace AuthorizerConformance.Policy.Conditions;

/// <summary>The operator families of §1.6.</summary>
internal enum OperatorFamily { String, Numeric, Date, Bool, Binary, IpAddress, Arn, Null }

/// <summary>How an operator compares one request value with one policy value.</summary>
internal enum Comparison { Equals, EqualsIgnoreCase, Like, LessThan, LessThanEquals, GreaterThan, GreaterThanEquals }

/// <summary>The multi-valued key qualifiers of §1.6.</summary>
internal enum SetQualifier { None, ForAnyValue, ForAllValues }

/// <summary>
/// A parsed condition operator name such as <c>ForAnyValue:StringNotLikeIfExists</c>: qualifier, family, comparison,
/// negation and the <c>IfExists</c> suffix. Operator names are case-sensitive, like every other element name (§1.1).
/// </summary>
internal sealed record ConditionOperator(
    string Name, SetQualifier Qualifier, OperatorFamily Family, Comparison Comparison, bool Negated, bool IfExists)
{
    private static readonly Dictionary<string, (OperatorFamily Family, Comparison Comparison, bool Negated)> Base =
        new(StringComparer.Ordinal)
        {
            ["StringEquals"] = (OperatorFamily.String, Comparison.Equals, false),
            ["StringNotEquals"] = (OperatorFamily.String, Comparison.Equals, true),
            ["StringEqualsIgnoreCase"] = (OperatorFamily.String, Comparison.EqualsIgnoreCase, false),
            ["StringNotEqualsIgnoreCase"] = (OperatorFamily.String, Comparison.EqualsIgnoreCase, true),
            ["StringLike"] = (OperatorFamily.String, Comparison.Like, false),
            ["StringNotLike"] = (OperatorFamily.String, Comparison.Like, true),
            ["NumericEquals"] = (OperatorFamily.Numeric, Comparison.Equals, false),
            ["NumericNotEquals"] = (OperatorFamily.Numeric, Comparison.Equals, true),
            ["NumericLessThan"] = (OperatorFamily.Numeric, Comparison.LessThan, false),
            ["NumericLessThanEquals"] = (OperatorFamily.Numeric, Comparison.LessThanEquals, false),
            ["NumericGreaterThan"] = (OperatorFamily.Numeric, Comparison.GreaterThan, false),
            ["NumericGreaterThanEquals"] = (OperatorFamily.Numeric, Comparison.GreaterThanEquals, false),
            ["DateEquals"] = (OperatorFamily.Date, Comparison.Equals, false),
            ["DateNotEquals"] = (OperatorFamily.Date, Comparison.Equals, true),
            ["DateLessThan"] = (OperatorFamily.Date, Comparison.LessThan, false),
            ["DateLessThanEquals"] = (OperatorFamily.Date, Comparison.LessThanEquals, false),
            ["DateGreaterThan"] = (OperatorFamily.Date, Comparison.GreaterThan, false),
            ["DateGreaterThanEquals"] = (OperatorFamily.Date, Comparison.GreaterThanEquals, false),
            ["Bool"] = (OperatorFamily.Bool, Comparison.Equals, false),
            ["BinaryEquals"] = (OperatorFamily.Binary, Comparison.Equals, false),
            ["IpAddress"] = (OperatorFamily.IpAddress, Comparison.Equals, false),
            ["NotIpAddress"] = (OperatorFamily.IpAddress, Comparison.Equals, true),
            ["ArnEquals"] = (OperatorFamily.Arn, Comparison.Like, false),
            ["ArnLike"] = (OperatorFamily.Arn, Comparison.Like, false),
            ["ArnNotEquals"] = (OperatorFamily.Arn, Comparison.Like, true),
            ["ArnNotLike"] = (OperatorFamily.Arn, Comparison.Like, true),
            ["Null"] = (OperatorFamily.Null, Comparison.Equals, false),
        };

    /// <summary>Parses an operator name; returns an error message for people when it is not one.</summary>
    public static ConditionOperator? TryParse(string name, out string? error)
    {
        error = null;
        var rest = name;
        var qualifier = SetQualifier.None;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            qualifier = name[..colon] switch
            {
                "ForAnyValue" => SetQualifier.ForAnyValue,
                "ForAllValues" => SetQualifier.ForAllValues,
                _ => (SetQualifier)(-1),
            };
            if ((int)qualifier < 0)
            {
                error = $"unknown set operator '{name[..colon]}': use ForAnyValue or ForAllValues";
                return null;
            }
            rest = name[(colon + 1)..];
        }
        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "IfExists";
        var baseName = ifExists ? rest[..^"IfExists".Length] : rest;
        if (!Base.TryGetValue(baseName, out var info))
        {
            var hint = Base.Keys.FirstOrDefault(k => string.Equals(k, baseName, StringComparison.OrdinalIgnoreCase));
            error = hint is null
                ? $"unknown condition operator '{name}'"
                : $"unknown condition operator '{name}': operator names are case-sensitive, did you mean '{hint}'?";
            return null;
        }
        if (info.Family == OperatorFamily.Null && (ifExists || qualifier != SetQualifier.None))
        {
            error = $"'{name}': Null takes neither IfExists nor a set operator";
            return null;
        }
        return new ConditionOperator(name, qualifier, info.Family, info.Comparison, info.Negated, ifExists);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport.Sam;

/// <summary>
/// CloudFormation intrinsics, in short form (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>, <c>!Join</c>…) and long form
/// (<c>{"Ref": …}</c>, <c>{"Fn::Sub": …}</c>), resolved only where a value is needed: a <c>Ref</c> to a parameter gives
/// its <c>Default</c>, to a resource its logical id, to a pseudo parameter the emulation's default; what cannot be known
/// before deployment (<c>!If</c>, <c>!ImportValue</c>, <c>!GetAtt</c> outside a function ARN…) is an error naming its path.
/// </summary>
internal sealed partial class SamValues(YamlMappingNode template, ImportContext context)
{
    private static readonly Dictionary<string, string> Pseudo = new(StringComparer.Ordinal)
    {
        ["AWS::Region"] = "us-east-1", ["AWS::AccountId"] = "123456789012", ["AWS::Partition"] = "aws",
        ["AWS::URLSuffix"] = "amazonaws.com", ["AWS::StackName"] = "stack",
    };

    public ImportContext Context => context;

    /// <summary>The text of a value, or null (and an error) when it cannot be resolved.</summary>
    public string? Text(YamlNode node, ImportPath path)
    {
        var (function, argument) = Intrinsic(node);
        switch (function)
        {
            case null when node is YamlScalarNode scalar:
                return scalar.Value ?? "";
            case null:
                context.Error(path, "must be a text value");
                return null;
            case "Ref":
                return argument is YamlScalarNode name ? Ref(name.Value ?? "", path) : Refuse(path, "!Ref takes a name");
            case "Fn::Sub":
                return Sub(argument, path);
            case "Fn::Join":
                if (argument is YamlSequenceNode { Children: [YamlScalarNode delimiter, YamlSequenceNode items] })
                {
                    var parts = items.Children.Select((item, i) => Text(item, path[1][i])).ToList();
                    return parts.Any(p => p is null) ? null : string.Join(delimiter.Value, parts);
                }
                return Refuse(path, "!Join takes [delimiter, [values…]]");
            default:
                return Refuse(path, $"{function} cannot be resolved before deployment; write the value itself here");
        }
    }

    /// <summary>The logical id of the function an authorizer's <c>FunctionArn</c> names (<c>!GetAtt Fn.Arn</c>, <c>!Sub ${Fn.Arn}</c>, <c>!Ref Fn</c>) or the ARN itself.</summary>
    public string? FunctionName(YamlNode node, ImportPath path)
    {
        var (function, argument) = Intrinsic(node);
        if (function == "Fn::GetAtt")
        {
            var target = argument switch
            {
                YamlScalarNode s => s.Value?.Split('.', 2),
                YamlSequenceNode { Children: [YamlScalarNode a, YamlScalarNode b] } => [a.Value!, b.Value!],
                _ => null,
            };
            return target is [var id, "Arn"] ? id : Refuse(path, "!GetAtt here must name a function's Arn");
        }
        if (function == "Fn::Sub" && argument is YamlScalarNode sub && SubArn().Match(sub.Value ?? "") is { Success: true } m)
            return m.Groups[1].Value;
        return Text(node, path);
    }

    private string? Refuse(ImportPath path, string message)
    {
        context.Error(path, message);
        return null;
    }

    private string? Ref(string name, ImportPath path)
    {
        if (Pseudo.TryGetValue(name, out var pseudo))
            return pseudo;
        if (Section("Parameters") is { } parameters && parameters.Children.TryGetValue(new YamlScalarNode(name), out var parameter))
        {
            return parameter is YamlMappingNode p && p.Children.TryGetValue(new YamlScalarNode("Default"), out var value) && value is YamlScalarNode s
                ? s.Value
                : Refuse(path, $"!Ref {name}: the parameter has no Default, so its value is known only at deployment");
        }
        if (Section("Resources") is { } resources && resources.Children.ContainsKey(new YamlScalarNode(name)))
            return name;
        return Refuse(path, $"!Ref {name}: no parameter, resource or pseudo parameter has that name");
    }

    private string? Sub(YamlNode? argument, ImportPath path)
    {
        var (text, variables) = argument switch
        {
            YamlScalarNode s => (s.Value ?? "", null),
            YamlSequenceNode { Children: [YamlScalarNode s, YamlMappingNode v] } => (s.Value ?? "", v),
            _ => (null, null),
        };
        if (text is null)
            return Refuse(path, "!Sub takes a string, or [string, {variables}]");
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            result.Append(text, last, match.Index - last);
            last = match.Index + match.Length;
            var name = match.Groups[1].Value;
            if (name.StartsWith('!'))
            {
                result.Append("${").Append(name[1..]).Append('}'); // ${!Literal} writes ${Literal}
                continue;
            }
            string? value = variables is not null && variables.Children.TryGetValue(new YamlScalarNode(name), out var v)
                ? Text(v, path[name])
                : name.Contains('.', StringComparison.Ordinal) ? Refuse(path, $"!Sub ${{{name}}}: an attribute is known only at deployment") : Ref(name, path);
            if (value is null)
                return null;
            result.Append(value);
        }
        return result.Append(text, last, text.Length - last).ToString();
    }

    private YamlMappingNode? Section(string name) =>
        template.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlMappingNode : null;

    /// <summary>The intrinsic function of a node (short-form tag or one-key long form) and its argument.</summary>
    private static (string? Function, YamlNode? Argument) Intrinsic(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal))
            return (tag == "!Ref" ? "Ref" : "Fn::" + tag[1..], node);
        if (node is YamlMappingNode { Children.Count: 1 } map && map.Children.First().Key is YamlScalarNode { Value: { } key }
            && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)))
            return (key, map.Children.First().Value);
        return (null, null);
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)\.Arn\}")]
    private static partial Regex SubArn();
}

using System.Globalization;
using AuthorizerConformance.Reqnroll.xUnit3;
using Reqnroll;

namespace AuthorizerConformance.Steps.Support;

/// <summary>An HTTP verb written in a step: <c>{method}</c>.</summary>
public sealed record HttpVerb(string Name);

/// <summary>An HTTP status written in a step: <c>{status}</c>.</summary>
public sealed record HttpStatus(int Code);

/// <summary>A request path (with an optional query) written in a step: <c>{path}</c>.</summary>
public sealed record RequestPath(string Value);

/// <summary>An execute-api ARN written in a step: <c>{arn}</c>.</summary>
public sealed record ExecuteArn(string Value);

/// <summary>
/// The custom Cucumber-expression parameter types of the vocabulary: <c>{method}</c>, <c>{status}</c>, <c>{path}</c>,
/// <c>{arn}</c> and <c>{duration}</c> ("5 minutes", "1 hour", "30 seconds").
/// </summary>
[Binding]
public static class ParameterTypes
{
    [StepArgumentTransformation("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)", Name = "method")]
    [StepParameterExample("GET")]
    public static HttpVerb Method(string verb) => new(verb);

    [StepArgumentTransformation(@"(\d{3})", Name = "status")]
    [StepParameterExample("401")]
    public static HttpStatus Status(string code) => new(int.Parse(code, CultureInfo.InvariantCulture));

    [StepArgumentTransformation(@"(/\S*)", Name = "path")]
    [StepParameterExample("/pets/1")]
    public static RequestPath Path(string path) => new(path);

    [StepArgumentTransformation(@"(arn:[^\s""]+)", Name = "arn")]
    [StepParameterExample("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1")]
    public static ExecuteArn Arn(string arn) => new(arn);

    [StepArgumentTransformation(@"(\d+ (?:second|minute|hour|day)s?)", Name = "duration")]
    [StepParameterExample("5 minutes")]
    public static TimeSpan Duration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ');
        var n = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts[1].TrimEnd('s') switch
        {
            "second" => TimeSpan.FromSeconds(n),
            "minute" => TimeSpan.FromMinutes(n),
            "hour" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }
}

using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>A stage as GetStage describes it (the members the harness uses).</summary>
public sealed record Stage
{
    /// <summary>The stage name.</summary>
    [JsonPropertyName("stageName")] public string? StageName { get; init; }

    /// <summary>The deployment the stage serves.</summary>
    [JsonPropertyName("deploymentId")] public string? DeploymentId { get; init; }

    /// <summary>Its description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>The stage variables.</summary>
    [JsonPropertyName("variables")] public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>Whether X-Ray tracing is on.</summary>
    [JsonPropertyName("tracingEnabled")] public bool? TracingEnabled { get; init; }

    /// <summary>The attached WAF web ACL, if any.</summary>
    [JsonPropertyName("webAclArn")] public string? WebAclArn { get; init; }
}

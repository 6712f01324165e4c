namespace AuthorizerConformance.Policy;

/// <summary>Choices the parser makes where API Gateway's behaviour is undocumented. See docs/policy-semantics.md.</summary>
public sealed record PolicyOptions
{
    /// <summary>How <c>Condition</c> blocks are treated. Default <see cref="ConditionHandling.Evaluate"/> (POL-6).</summary>
    public ConditionHandling Conditions { get; init; } = ConditionHandling.Evaluate;

    /// <summary>
    /// When true, a <c>Sid</c> must be IAM-style (A-Z, a-z, 0-9 only) and unique in the document. Default false:
    /// API Gateway states no Sid rule for authorizer policies, so any string is accepted.
    /// </summary>
    public bool StrictSid { get; init; }

    /// <summary>Longest <c>Resource</c>/<c>NotResource</c> entry accepted (ARN-5: 512 characters). Longer → Invalid.</summary>
    public int MaxResourceLength { get; init; } = 512;

    /// <summary>
    /// POL-12 (L): an empty <c>NotAction</c>/<c>NotResource</c> list, whose literal reading matches everything. Default
    /// <see cref="EmptyElementReading.Narrowest"/>: an Allow with one applies nowhere, a Deny everywhere.
    /// </summary>
    public EmptyElementReading EmptyNotList { get; init; } = EmptyElementReading.Narrowest;

    /// <summary>
    /// POL-12 (L): an empty string entry in Action/NotAction/Resource/NotResource (<c>"Resource": [""]</c>). Default
    /// <see cref="EmptyElementReading.Narrowest"/>: it never makes an Allow apply and never keeps a Deny from applying.
    /// </summary>
    public EmptyElementReading EmptyStringEntry { get; init; } = EmptyElementReading.Narrowest;

    /// <summary>The defaults described on each property.</summary>
    public static PolicyOptions Default { get; } = new();
}

namespace AuthorizerConformance.Policy;

/// <summary>
/// POL-12: the patterns an Action/NotAction or Resource/NotResource list is matched with, given how
/// <see cref="PolicyOptions"/> reads its empty parts. An empty Action/Resource list stays empty and matches nothing
/// (H/M). An empty NotAction/NotResource list and an empty string entry have no evidence (L): see
/// <see cref="EmptyElementReading"/>. The statement as written is kept elsewhere for explanations and printing.
/// </summary>
internal static class EmptyEntries
{
    // An entry that matches every action and every resource.
    private const string Everything = "*";

    /// <summary>The entries to compile for <paramref name="values"/> (the same list when nothing in it is empty).</summary>
    public static IReadOnlyList<string> Read(IReadOnlyList<string> values, PolicyEffect effect, bool isNot, PolicyOptions options)
    {
        if (values.Count == 0)
        {
            // An Allow never applies through an empty Not list under Narrowest: it excludes everything. Literal (and a
            // Deny under Narrowest) keep the list empty, which excludes nothing.
            return isNot && effect == PolicyEffect.Allow && options.EmptyNotList == EmptyElementReading.Narrowest ? [Everything] : values;
        }
        if (options.EmptyStringEntry != EmptyElementReading.Narrowest || !values.Contains(""))
            return values;
        // Narrowest: "" widens what the statement covers only where that narrows access — a Deny's Action/Resource, an
        // Allow's NotAction/NotResource. Elsewhere it stays "", which no request matches (the literal reading).
        var widen = isNot == (effect == PolicyEffect.Allow);
        return widen ? [.. values.Select(v => v.Length == 0 ? Everything : v)] : values;
    }

    /// <summary>For explanations: a note when an empty list or entry was read by an option.</summary>
    public static string Note(IReadOnlyList<string> values, bool isNot) =>
        values.Count == 0 && isNot ? " (an empty list: PolicyOptions.EmptyNotList, POL-12)"
        : values.Contains("") ? " (an empty string entry: PolicyOptions.EmptyStringEntry, POL-12)"
        : "";
}

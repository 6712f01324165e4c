namespace AuthorizerConformance.Gateway;

/// <summary>
/// One <c>$context</c> reference in a gateway-response template: <c>$context.a.b</c> or <c>${context.a.b}</c> from
/// <paramref name="Index"/>, <paramref name="Length"/> characters; its variable name is <paramref name="Name"/>.
/// </summary>
internal readonly record struct ContextReference(int Index, int Length, string Name);

/// <summary>
/// Finds the <c>$context</c> references of a gateway-response template (GWR-1, CTX-7) in one left-to-right pass, with
/// no backtracking (issue 16: the regular expression it replaces could be driven into backtracking by a hostile
/// template). A name is one or more runs of <c>[A-Za-z0-9_]</c> joined by single dots; a braced reference must close
/// with <c>}</c> right after the name; an unbraced one ends where the name does (a trailing dot is text).
/// </summary>
internal static class ContextReferences
{
    private const string Unbraced = "$context.";
    private const string Braced = "${context.";

    /// <summary>The most characters <see cref="Find(string, out long)"/> examines per character of the template.</summary>
    internal const int MaxStepsPerChar = 12;

    /// <summary>Every reference in <paramref name="template"/>, in order.</summary>
    public static List<ContextReference> Find(string template) => Find(template, out _);

    /// <summary>
    /// Every reference in <paramref name="template"/>; <paramref name="steps"/> counts the characters examined: each
    /// character is read once by the search for <c>$</c> or by one name scan, plus a prefix of at most ten characters
    /// per <c>$</c> and one character ending each name run, so at most <see cref="MaxStepsPerChar"/> per character of
    /// the template: linear whatever the template (a test pins the count).
    /// </summary>
    public static List<ContextReference> Find(string template, out long steps)
    {
        ArgumentNullException.ThrowIfNull(template);
        var found = new List<ContextReference>();
        steps = 0;
        var text = template.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            var dollar = text[i..].IndexOf('$');
            steps += dollar < 0 ? text.Length - i : dollar + 1;
            if (dollar < 0)
                break;
            i += dollar;
            var braced = text[i..].StartsWith(Braced, StringComparison.Ordinal);
            var unbraced = !braced && text[i..].StartsWith(Unbraced, StringComparison.Ordinal);
            steps += Braced.Length;
            if (!braced && !unbraced)
            {
                i++;
                continue;
            }
            var nameStart = i + (braced ? Braced.Length : Unbraced.Length);
            var nameEnd = NameEnd(text, nameStart, ref steps);
            if (nameEnd > nameStart && (!braced || (nameEnd < text.Length && text[nameEnd] == '}')))
            {
                var end = braced ? nameEnd + 1 : nameEnd;
                found.Add(new ContextReference(i, end - i, template[nameStart..nameEnd]));
                i = end;
            }
            else
            {
                // No reference starts here; nothing between here and nameEnd is a '$', so the search goes on from there.
                i = nameEnd;
            }
        }
        return found;
    }

    /// <summary>Where the name starting at <paramref name="start"/> ends (== start when there is none).</summary>
    private static int NameEnd(ReadOnlySpan<char> text, int start, ref long steps)
    {
        var pos = start;
        while (true)
        {
            var run = pos;
            while (run < text.Length && IsNameChar(text[run]))
                run++;
            steps += run - pos + 1;
            if (run == pos)
                return start; // only the first run can be empty: a dot is taken only when a name character follows it
            pos = run;
            if (pos + 1 >= text.Length || text[pos] != '.' || !IsNameChar(text[pos + 1]))
                return pos;
            pos++;
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

using System.Text;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// Splits a <c>command:</c> line into words the way a POSIX shell quotes them ('single', "double", backslash), without
/// running a shell: no variables, globs or pipes (write <c>command:sh -c '…'</c> for those).
/// </summary>
internal static class CommandLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                        words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    continue;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                        throw new FunctionStartException($"command line \"{line}\": the ' at column {i + 1} is never closed");
                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i = Double(line, i, word);
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
            inWord = true;
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    private static int Double(string line, int open, StringBuilder word)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] == '"')
                return i;
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                i++;
            word.Append(line[i]);
        }
        throw new FunctionStartException($"command line \"{line}\": the \" at column {open + 1} is never closed");
    }
}

using System.Globalization;
using System.Text;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// One leveled log line of a .NET function: <c>[Level] message</c>, the message template's <c>{placeholders}</c> filled
/// with the arguments in order (as the Lambda logger's default text format does), then the exception if any.
/// </summary>
internal static class LogLine
{
    public static string Format(string? level, string? message, object?[]? args, Exception? exception)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(level))
            text.Append('[').Append(level).Append("] ");
        text.Append(Fill(message ?? string.Empty, args ?? []));
        if (exception is not null)
            text.AppendLine().Append(exception);
        return text.ToString();
    }

    private static string Fill(string template, object?[] args)
    {
        if (args.Length == 0)
            return template;
        var text = new StringBuilder();
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i && next < args.Length)
            {
                text.Append(Convert.ToString(args[next++], CultureInfo.InvariantCulture));
                i = close;
            }
            else
            {
                text.Append(template[i]);
            }
        }
        return text.ToString();
    }
}

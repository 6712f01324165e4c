using System.Text;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Cli;

/// <summary>The work behind <c>authz policy evaluate</c>: reads inputs, evaluates, writes JSON.</summary>
internal sealed class PolicyCommandRunner(TextWriter output, TextWriter error, PolicyOptions options)
{
    public const string DefaultAction = PolicyRequest.InvokeAction;
    private const int Ran = 0;

    public int RunSingle(string? policyFile, string? resource, string action, string[] context, string? inputFile)
    {
        if (inputFile is not null)
            return Usage("--input is only used with --jsonl");
        if (policyFile is null || resource is null)
            return Usage("give either --jsonl, or both --policy FILE and --resource ARN");
        if (ResourceTooLong(resource) is { } tooLong)
            return Usage($"--resource {tooLong}");
        if (!File.Exists(policyFile))
            return Usage($"policy file not found: {policyFile}");
        string policyText;
        try
        {
            policyText = BoundedInput.ReadFile(policyFile, InputLimits.PolicyFileBytes, "--policy");
        }
        catch (InputException e)
        {
            return Usage(e.Message);
        }
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in context)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return Usage($"--context '{pair}' must be key=value");
            var key = pair[..equals];
            if (!values.TryGetValue(key, out var list))
                values[key] = list = [];
            list.Add(pair[(equals + 1)..]);
        }
        var parsed = PolicyParser.Parse(policyText, options);
        var request = new PolicyRequest(action, resource, values.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.OrdinalIgnoreCase));
        output.WriteLine(PolicyResultJson.Single(parsed, parsed.Evaluate(request)));
        return Ran;
    }

    /// <summary>Why <paramref name="resource"/> is refused (it is longer than any method ARN can be), or null.</summary>
    public static string? ResourceTooLong(string resource)
    {
        var bytes = Encoding.UTF8.GetByteCount(resource);
        return bytes > InputLimits.ResourceArnBytes
            ? $"is {bytes} bytes; a method ARN is at most {InputLimits.ResourceArnBytes} bytes (ARN-4: API Gateway answers 414 before any policy is evaluated; docs/limits.md)"
            : null;
    }

    public int RunJsonLines(string? inputFile, TextReader? injected, bool conflicting)
    {
        if (conflicting)
            return Usage("--jsonl reads policy and resource from each line; do not combine it with --policy or --resource");
        if (inputFile is not null && !File.Exists(inputFile))
            return Usage($"input file not found: {inputFile}");
        try
        {
            // One bounded reader for stdin and --input alike: lines up to InputLimits.JsonLineBytes, strict UTF-8, a leading
            // byte order mark dropped on both paths (issue 16 defect 16).
            using var file = inputFile is null ? null
                : new StreamReader(new FileStream(inputFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
                    new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            var reader = file ?? injected ?? Console.In;
            var lineNumber = 0;
            while (BoundedInput.ReadLine(reader, InputLimits.JsonLineBytes, inputFile ?? "stdin", first: lineNumber == 0) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                output.WriteLine(JsonLineEvaluator.Evaluate(line, lineNumber, options));
            }
            return Ran;
        }
        catch (InputException e)
        {
            return Usage(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return Usage($"cannot read {inputFile ?? "stdin"}: {e.Message}");
        }
    }

    private int Usage(string message)
    {
        error.WriteLine($"authz policy evaluate: {message}");
        error.WriteLine("Run 'authz policy evaluate --help' for usage.");
        return Program.UsageError;
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AuthorizerConformance.Testing;

/// <summary>
/// Runs an xunit.v3 test assembly of features (the conformance suite, or the runner's fixture assembly) in a separate
/// process on one features folder (AUTHZ_FEATURES_DIR), and reads its xUnit XML results. One helper for every test that
/// needs a real run: the planted failures, the runner's fixtures, the scaffolded features, the filtered lint run.
/// Compiled into each test project that uses it (a linked source file: test code, not a project the arrows know).
/// </summary>
internal static class FeatureRunProcess
{
    /// <summary>The results file a run writes, in its work folder.</summary>
    public const string ResultsFile = "results.xml";

    /// <summary>
    /// Runs <paramref name="assembly"/> with <c>-xml</c> into <paramref name="workFolder"/> (its working directory),
    /// <paramref name="arguments"/> added. <paramref name="environment"/> sets variables (a null value removes one:
    /// an outer run's AUTHZ_PROFILE, say). With <paramref name="formatters"/>, Reqnroll's HTML and message formatters
    /// write to those files; without, the formatters are off. Throws when the run wrote no results, with its output.
    /// </summary>
    public static async Task<FeatureRun> RunAsync(string assembly, string featuresFolder, string workFolder,
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, (string Html, string Ndjson)? formatters = null)
    {
        var xml = Path.Combine(workFolder, ResultsFile);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workFolder };
        foreach (var argument in new[] { assembly, "-noLogo", "-noColor", "-xml", xml }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["AUTHZ_FEATURES_DIR"] = featuresFolder;
        start.Environment.Remove("AUTHZ_VERBOSE"); // the default is what QA engineers see; a run asks for verbose itself
        if (formatters is var (html, ndjson))
        {
            start.Environment.Remove("REQNROLL_FORMATTERS_DISABLED");
            start.Environment["REQNROLL_FORMATTERS"] = new JsonObject
            {
                ["formatters"] = new JsonObject
                {
                    ["html"] = new JsonObject { ["outputFilePath"] = html },
                    ["message"] = new JsonObject { ["outputFilePath"] = ndjson },
                },
            }.ToJsonString();
        }
        else
        {
            start.Environment["REQNROLL_FORMATTERS_DISABLED"] = "true";
        }
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var console = await stdout + await stderr;
        if (!File.Exists(xml))
            throw new InvalidOperationException($"The run on '{featuresFolder}' wrote no results (exit code {process.ExitCode}):{Environment.NewLine}{console}");
        return new FeatureRun(XDocument.Load(xml), console, process.ExitCode);
    }
}

/// <summary>One finished run: xUnit's XML results, what the process printed, its exit code.</summary>
internal sealed record FeatureRun(XDocument Results, string Console, int ExitCode);

using System.Diagnostics.CodeAnalysis;
using System.Text;
using AuthorizerConformance.Reqnroll.xUnit3;
using Reqnroll;
using Xunit.Sdk;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// How a step says that an expectation did not hold. The message names what was compared and puts the actual value
/// beside the expected one in the feature's words (<c>the backend's context key "role" is "admin"; the scenario
/// expects "user"</c>); when the scenario sent requests it adds the <c>authz simulate</c> command that replays them
/// and the "What happened" explanation; the whole message is also attached to the failing step as text (so the HTML report shows it
/// there, and the ndjson holds it). Everything passes through <see cref="OutputRedaction.Redact"/>. The exception is
/// an <see cref="ExpectationFailedException"/>, which carries no stack trace.
/// </summary>
public sealed class Expect(Stage stage, ScenarioDefinition scenario, IReqnrollOutputHelper output)
{
    /// <summary>Fails with <paramref name="difference"/> unless <paramref name="holds"/>.</summary>
    public void That([DoesNotReturnIf(false)] bool holds, Func<string> difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        if (!holds)
            Fail(difference());
    }

    /// <summary>Fails unless <paramref name="actual"/> is <paramref name="expected"/> (ordinal): "<paramref name="what"/> is …; the scenario expects …".</summary>
    public void Equal(string what, string? expected, string? actual) =>
        That(string.Equals(expected, actual, StringComparison.Ordinal), () => Is(what, actual, expected));

    /// <summary>"<paramref name="what"/> is <paramref name="actual"/>; the scenario expects <paramref name="expected"/>".</summary>
    public static string Is(string what, string? actual, string? expected) => $"{what} is {Quote(actual)}; the scenario expects {Quote(expected)}";

    /// <summary>A value as the feature would write it: quoted text, or <c>none</c>.</summary>
    public static string Quote(string? value) => value is null ? "none" : $"\"{value}\"";

    /// <summary>Fails the step with <paramref name="difference"/>, the reproduction and the explanation.</summary>
    [DoesNotReturn]
    public void Fail(string difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        // In the feature's words: the scenario's current token reads ${token}, as the feature writes it (and stays secret).
        if (stage.BuiltTokens.Count > 0)
            difference = difference.Replace(stage.BuiltTokens[^1].Text, "${token}", StringComparison.Ordinal);
        var message = new StringBuilder(difference.TrimEnd());
        if (Explanation.HasAny(stage.Session))
        {
            var name = Reproduction.FileName(FeatureName(), ScenarioName());
            var explanation = Explanation.WhatHappened(stage.Session);
            message.AppendLine().Append(Reproduce(name)).AppendLine().AppendLine().Append(explanation);
            Attach(name, message.ToString());
        }
        throw new ExpectationFailedException(OutputRedaction.Redact(message.ToString(), stage));
    }

    /// <summary>
    /// Writes the scenario's reproduction and returns the line that names it (<c>reproduce: authz simulate …</c>);
    /// for a scenario that failed otherwise than by an expectation.
    /// </summary>
    public string Reproduce() => Reproduce(Reproduction.FileName(FeatureName(), ScenarioName()));

    private string Reproduce(string name)
    {
        try
        {
            var line = "reproduce: authz simulate " + ReportsFolder.Display(Reproduction.Write(stage, ReportsFolder.Path, name));
            return Reproduction.ReplaysElsewhere is { } elsewhere ? $"{line}{Environment.NewLine}  (replays against the reference authorizer {elsewhere})" : line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"reproduce: (the reproduction could not be written to {ReportsFolder.Path}: {e.Message})";
        }
    }

    // Attached while the failing step runs, so Reqnroll's formatters place it on that step, not on a hook. A .txt file:
    // Reqnroll 3.3.4 gives it text/plain, which the HTML report shows as text (it maps .md to application/octet-stream).
    private void Attach(string name, string text)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(ReportsFolder.Path, "repro")).FullName;
            var file = Path.Combine(folder, name + ".what-happened.txt");
            File.WriteAllText(file, OutputRedaction.Redact(text, stage));
            output.AddAttachment(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"The explanation could not be attached: {e.Message}");
        }
    }

    private string FeatureName() => Path.GetFileNameWithoutExtension(scenario.File.RelativePath);

    // An Examples row adds its label ("Examples #1: a=1"), so rows of one outline get files of their own.
    private string ScenarioName() => scenario.Label.Length == 0 ? scenario.Title : $"{scenario.Title} {scenario.Label}";
}

using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// <c>junit.xml</c> in the JUnit XML format CI servers read (Jenkins' / Ant's): one <c>testsuite</c> per feature and
/// subject (its <c>judges</c> property says whom), one <c>testcase</c> per scenario row, a failure's whole explanation
/// in <c>failure</c> (first line as its <c>message</c>), a skip's reason in <c>skipped</c>; errors of the run itself
/// (a hook, the suite process) as an extra suite with one <c>error</c> each. Messages are already redacted.
/// </summary>
public static class JUnitReport
{
    /// <summary>The document for <paramref name="run"/>.</summary>
    public static XDocument Create(RunResult run, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suites = new XElement("testsuites", new XAttribute("name", "authz run"));
        var id = 0;
        foreach (var group in run.Scenarios.GroupBy(s => (s.Subject, s.Feature)))
            suites.Add(Suite(id++, group.Key.Subject, group.Key.Feature, [.. group], timestamp));
        if (run.RunErrors.Count > 0)
        {
            var errors = new XElement("testsuite", new XAttribute("name", "authz run"), new XAttribute("tests", run.RunErrors.Count),
                new XAttribute("failures", 0), new XAttribute("errors", run.RunErrors.Count), new XAttribute("skipped", 0),
                new XAttribute("time", "0"), new XAttribute("timestamp", Stamp(timestamp)), new XAttribute("id", id));
            foreach (var (error, index) in run.RunErrors.Select((e, i) => (e, i + 1)))
            {
                errors.Add(new XElement("testcase", new XAttribute("name", $"run error {index}"), new XAttribute("classname", "authz run"),
                    new XAttribute("time", "0"), new XElement("error", new XAttribute("message", FirstLine(error)), new XAttribute("type", "run"), Clean(error))));
            }
            suites.Add(errors);
        }
        var all = run.Scenarios;
        suites.Add(new XAttribute("tests", all.Count + run.RunErrors.Count),
            new XAttribute("failures", RunResult.Count(all, VerdictOutcome.Failed)), new XAttribute("errors", run.RunErrors.Count),
            new XAttribute("disabled", 0), new XAttribute("time", Seconds(all.Sum(s => s.Seconds))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    /// <summary>Writes <paramref name="document"/> as UTF-8 to <paramref name="path"/>.</summary>
    public static void Write(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        document.Save(writer);
    }

    private static XElement Suite(int id, ScenarioSubject subject, string feature, List<ScenarioResult> results, DateTimeOffset timestamp)
    {
        var judges = subject == ScenarioSubject.AuthorizerUnderTest ? "authorizer-under-test" : "gateway-emulation";
        var suite = new XElement("testsuite",
            new XAttribute("name", $"{judges}: {feature}"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", RunResult.Count(results, VerdictOutcome.Failed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", RunResult.Count(results, VerdictOutcome.Skipped)),
            new XAttribute("time", Seconds(results.Sum(r => r.Seconds))),
            new XAttribute("timestamp", Stamp(timestamp)),
            new XAttribute("id", id),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "judges"), new XAttribute("value", judges)),
                new XElement("property", new XAttribute("name", "feature"), new XAttribute("value", Clean(feature)))));
        foreach (var result in results)
        {
            var testcase = new XElement("testcase",
                new XAttribute("name", Clean(result.ScenarioWithRow)),
                new XAttribute("classname", Clean(feature)),
                new XAttribute("time", Seconds(result.Seconds)));
            switch (result.Outcome)
            {
                case VerdictOutcome.Failed:
                    var message = result.Message ?? "failed without a message";
                    testcase.Add(new XElement("failure", new XAttribute("message", FirstLine(message)), new XAttribute("type", "scenario"), Clean(message)));
                    break;
                case VerdictOutcome.Skipped:
                    testcase.Add(new XElement("skipped", new XAttribute("message", Clean(result.Message ?? "skipped"))));
                    break;
                case VerdictOutcome.Passed:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(results), result.Outcome, null);
            }
            suite.Add(testcase);
        }
        return suite;
    }

    private static string FirstLine(string text) => Clean(text.Split('\n')[0].TrimEnd('\r'));

    // XML 1.0 cannot hold most control characters; a message may (a hostile token's bytes, already redacted).
    private static string Clean(string text) =>
        new([.. text.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && XmlConvert.IsXmlChar(c)) || char.IsSurrogate(c))]);

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset timestamp) => timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Withholds secrets from the text of a real error (message and stack trace) before xUnit and Reqnroll's reports see
/// it. A test assembly registers one per scenario in the scenario container
/// (<c>scenarioContext.ScenarioContainer.RegisterInstanceAs&lt;IFailureRedactor&gt;(…)</c>); without one, errors pass
/// on untouched.
/// </summary>
public interface IFailureRedactor
{
    /// <summary><paramref name="text"/> with every secret withheld.</summary>
    string Redact(string text);
}

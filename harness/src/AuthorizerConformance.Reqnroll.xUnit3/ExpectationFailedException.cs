// In xUnit's namespace on purpose: xUnit prints the message of an exception whose type starts with "Xunit.Sdk." without
// the type name in front (every other exception reads "Namespace.Type : message"), and report tools (e.g. Allure)
// count such exceptions as failed tests rather than broken ones. The type name would be noise before the difference.
namespace Xunit.Sdk;

/// <summary>
/// A scenario's expectation did not hold: what the feature said must come out did not. The message says it all (what
/// was compared, expected and actual in the feature's words); the stack trace would only show the step definition,
/// reflection, Reqnroll and xUnit, so this exception has none. xunit.v3 (console, xUnit/TRX/JUnit reports) and
/// Reqnroll's formatters (HTML, ndjson) read <see cref="StackTrace"/>, and <see cref="Exception.ToString"/> uses it
/// too, so nothing prints frames for it. A real error in the harness or the target is any other exception and keeps
/// its stack trace. As an <see cref="IAssertionException"/> it counts as an assertion failure, shown without its type name.
/// </summary>
public sealed class ExpectationFailedException : XunitException, IAssertionException
{
    public ExpectationFailedException() : base("An expectation of the scenario did not hold.") { }

    public ExpectationFailedException(string message) : base(message) { }

    public ExpectationFailedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Always null: an expectation failure is not a bug in the code that noticed it.</summary>
    public override string? StackTrace => null;
}

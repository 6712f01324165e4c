using System.Globalization;
using System.Text;
using Xunit;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// The test output of the scenario running on this async flow (Reqnroll's step trace, attachments, what bindings write
/// to an injected <see cref="ITestOutputHelper"/>), kept in order and handed to xUnit once, when the scenario ends.
/// xUnit sends every <c>WriteLine</c> as a message on its message bus and wakes its reporting thread for each: ≈ 10 a
/// scenario. The test result carries the same lines in the same order; only xUnit's live output shows them at the
/// scenario's end instead of one by one. Outside a scenario a line goes straight to xUnit (or the console).
/// </summary>
public sealed class ScenarioOutput : ITestOutputHelper
{
    private static readonly AsyncLocal<ScenarioOutput?> CurrentOutput = new();

    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly ITestOutputHelper? _xunit;

    private ScenarioOutput(ITestOutputHelper? xunit) => _xunit = xunit;

    /// <summary>The output of the scenario on this async flow, or null outside a scenario.</summary>
    internal static ScenarioOutput? Current => CurrentOutput.Value;

    /// <summary>Starts collecting the output of the scenario on this async flow (and the flows it starts).</summary>
    internal static ScenarioOutput Begin() => CurrentOutput.Value = new ScenarioOutput(TestContext.Current.TestOutputHelper);

    /// <summary>Writes one line to the current scenario's output, or straight to xUnit's (or the console) outside one.</summary>
    internal static void Line(string message)
    {
        if (Current is { } scenario)
            scenario.WriteLine(message);
        else if (TestContext.Current.TestOutputHelper is { } output)
            output.WriteLine(message);
        else
            Console.WriteLine(message);
    }

    /// <summary>Hands what was written so far to xUnit's output (the console without a test) in one piece.</summary>
    internal void Flush()
    {
        string text;
        lock (_lock)
        {
            text = _text.ToString();
            _text.Clear();
        }
        if (text.Length == 0)
            return;
        if (_xunit is not null)
            _xunit.Write(text);
        else
            Console.Write(text);
    }

    /// <inheritdoc />
    public string Output
    {
        get
        {
            lock (_lock)
                return (_xunit?.Output ?? "") + _text;
        }
    }

    /// <inheritdoc />
    public void Write(string message)
    {
        lock (_lock)
            _text.Append(message);
    }

    /// <inheritdoc />
    public void Write(string format, params object[] args) => Write(string.Format(CultureInfo.CurrentCulture, format, args));

    /// <inheritdoc />
    public void WriteLine(string message)
    {
        lock (_lock)
            _text.Append(message).Append(Environment.NewLine);
    }

    /// <inheritdoc />
    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(CultureInfo.CurrentCulture, format, args));
}

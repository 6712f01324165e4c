using AuthorizerConformance.Reqnroll.xUnit3;
using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;

[Binding]
public sealed class CalculatorSteps(CalculatorContext calc)
{
    [Given("the calculator is cleared")]
    public void Cleared()
    {
        calc.Entered.Clear();
        calc.Result = 0;
    }

    [Given("I have entered {int} into the calculator")]
    public void Entered(int number) => calc.Entered.Add(number);

    [Given("I have entered the word {word_number} into the calculator")]
    public void EnteredWord(WordNumber number) => calc.Entered.Add(number.Value);

    [Given("I have entered the amount {string}")]
    public void EnteredAmount(Money money) => calc.Entered.Add(money.Amount);

    [Given("I have entered the following numbers:")]
    public void EnteredTable(DataTable table)
    {
        foreach (var row in table.Rows)
            calc.Entered.Add(int.Parse(row["number"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [When("I press add")]
    public async Task Add()
    {
        await Task.Yield();
        calc.Result = calc.Entered.Sum();
    }

    [When("I press a button that is not finished yet")]
    public static void NotFinished() => throw new PendingStepException();

    [When("I press a button that leaks a secret")]
    public static void Leaks() => throw new InvalidOperationException($"the key {Hooks.Secret} did not load");

    [When("I press the ambiguous button")]
    public static void AmbiguousOne() { }

    [When("I press the ambiguous {word}")]
    public static void AmbiguousTwo(string what) => _ = what;

    /// <summary>A custom Cucumber-expression parameter type: {word_number}.</summary>
    [StepArgumentTransformation("(zero|one|twelve)", Name = "word_number")]
    [StepParameterExample("twelve")]
    public static WordNumber ToWordNumber(string word) => new(word switch { "zero" => 0, "one" => 1, _ => 12 });

    /// <summary>"EUR 30" becomes Money.</summary>
    [StepArgumentTransformation]
    public static Money ToMoney(string text)
    {
        var parts = text.Split(' ');
        return new Money(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Binding]
public sealed class CalculatorResultSteps(CalculatorContext calc, ScenarioContext scenario)
{
    [Then("the result should be {int}")]
    public void Result(int expected)
    {
        Assert.Equal(scenario.ScenarioInfo.Title, calc.StartedScenario); // set by the [BeforeScenario] hook
        Assert.Equal(expected, calc.Result);
    }

    /// <summary>An expectation failure as a suite reports one: a named difference, no stack trace.</summary>
    [Then("the result should read {int}")]
    public void Reads(int expected)
    {
        if (calc.Result != expected)
            throw new Xunit.Sdk.ExpectationFailedException($"the result is {calc.Result}; the scenario expects {expected}");
    }
}

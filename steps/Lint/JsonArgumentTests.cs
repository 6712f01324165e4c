using System.Reflection;
using AuthorizerConformance.Steps.StepDefinitions;
using Reqnroll;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// Every step that takes JSON in a <c>{string}</c> also takes it as a doc string (a QA engineer cannot write JSON in
/// double quotes), and single quotes carry JSON too.
/// </summary>
public class JsonArgumentTests
{
    // The step methods whose last text argument is read as JSON (JsonText.Value/Parse or compared as JSON).
    public static TheoryData<Type, string> JsonSteps => new()
    {
        { typeof(ExpectationSteps), nameof(ExpectationSteps.Body) },
        { typeof(ExpectationSteps), nameof(ExpectationSteps.ReceivedValue) },
        { typeof(TokenSteps), nameof(TokenSteps.Claim) },
        { typeof(TokenSteps), nameof(TokenSteps.Header) },
        { typeof(ApiSteps), nameof(ApiSteps.BehaviourOption) },
        { typeof(IdentitySourceSteps), nameof(IdentitySourceSteps.CallsWithBody) },
    };

    [Theory]
    [MemberData(nameof(JsonSteps))]
    public void A_step_taking_json_in_a_string_also_takes_a_doc_string(Type binding, string method)
    {
        var expressions = binding.GetMethod(method)!.GetCustomAttributes<StepDefinitionBaseAttribute>().Select(a => a.Expression).ToList();
        Assert.Contains(expressions, e => e.EndsWith("{string}", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.EndsWith(':'));
    }

    [Fact]
    public void Every_json_reading_step_with_a_string_argument_is_in_the_list()
    {
        // A step method that reads its text argument as JSON names it 'json' (the convention); each such {string} step is listed above.
        var listed = JsonSteps.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        var jsonish = typeof(JsonArgumentTests).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>().Any(a => a.Expression.EndsWith("{string}", StringComparison.Ordinal)))
            .Where(m => m.GetParameters() is [.., { Name: "json" } last] && last.ParameterType == typeof(string))
            .Select(m => (m.DeclaringType!, m.Name))
            .Where(x => !listed.Contains(x))
            .ToList();
        Assert.True(jsonish.Count == 0, "Steps that look JSON-taking but have no doc-string form: " + string.Join(", ", jsonish));
    }
}

using System.Globalization;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Infrastructure;

namespace AuthorizerConformance.Reqnroll.xUnit3.Tests;

/// <summary>
/// The remembering step matcher gives Reqnroll's own matches, and remembers one only where the match depends on the
/// step line alone: no scoped step definition, no doc string or table, exactly one binding.
/// </summary>
public class RememberingStepMatcherTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    // The bindings of the matcher under test (never invoked).
    private static class Bindings
    {
        public static void Pet(string id) => _ = id;

        public static void PetWithTable(string id, Table table) => _ = (id, table);

        public static void Owner(string name) => _ = name;

        public static void OwnerOf(string pet) => _ = pet;
    }

    private static RememberingStepMatcher Matcher(bool scoped)
    {
        var registry = new BindingRegistry();
        void Add(string method, string regex, BindingScope? scope = null) => registry.RegisterStepDefinitionBinding(
            new RegexStepDefinitionBindingBuilder(StepDefinitionType.Given, new RuntimeBindingMethod(typeof(Bindings).GetMethod(method)!), scope, regex).BuildSingle());
        Add(nameof(Bindings.Pet), "^pet (\\d+)$");
        Add(nameof(Bindings.PetWithTable), "^pets (\\d+) are$");
        Add(nameof(Bindings.Owner), "^owner (.+)$", scoped ? new BindingScope("vip", null, null) : null);
        Add(nameof(Bindings.OwnerOf), "^owner of (.+)$"); // "owner of x" is ambiguous with the line above
        registry.Ready = true;
        return new RememberingStepMatcher(registry, null!, null!, new MatchArgumentCalculator());
    }

    private static StepInstance Step(string text, Table? table = null) =>
        new(StepDefinitionType.Given, StepDefinitionKeyword.Given, "Given ", text, null, table, new StepContext("F", "S", [], English));

    private static BindingMatch Best(RememberingStepMatcher matcher, StepInstance step) => matcher.GetBestMatch(step, English, out _, out _);

    [Fact]
    public void A_line_seen_before_gets_the_match_it_got_and_another_line_its_own()
    {
        var matcher = Matcher(scoped: false);

        var first = Best(matcher, Step("pet 1"));
        var again = Best(Matcher(scoped: false), Step("pet 1")); // another matcher of another registry: its own memo
        var same = Best(matcher, Step("pet 1"));
        var other = Best(matcher, Step("pet 2"));

        Assert.True(first.Success);
        Assert.Same(first, same);
        Assert.NotSame(first, again);
        Assert.Equal("1", Assert.Single(same.Arguments).Value);
        Assert.Equal("2", Assert.Single(other.Arguments).Value);
        Assert.Equal(nameof(Bindings.Pet), other.StepBinding.Method.Name);
    }

    [Fact]
    public void A_step_with_a_table_is_matched_every_time_with_its_own_table()
    {
        var matcher = Matcher(scoped: false);
        var one = new Table("name");
        var two = new Table("name");

        var first = Best(matcher, Step("pets 3 are", one));
        var second = Best(matcher, Step("pets 3 are", two));

        Assert.NotSame(first, second);
        Assert.Same(one, first.Arguments[1].Value);
        Assert.Same(two, second.Arguments[1].Value);
    }

    [Fact]
    public void With_a_scoped_step_definition_nothing_is_remembered()
    {
        var matcher = Matcher(scoped: true);

        Assert.NotSame(Best(matcher, Step("pet 1")), Best(matcher, Step("pet 1")));
    }

    [Fact]
    public void An_ambiguous_or_undefined_line_is_matched_again_with_its_reason_every_time()
    {
        var matcher = Matcher(scoped: false);

        for (var i = 0; i < 2; i++)
        {
            Assert.False(matcher.GetBestMatch(Step("owner of Rex"), English, out var reason, out var candidates).Success);
            Assert.Equal(StepDefinitionAmbiguityReason.AmbiguousSteps, reason);
            Assert.Equal(2, candidates.Count);
            Assert.False(matcher.GetBestMatch(Step("no such step"), English, out reason, out _).Success);
            Assert.Equal(StepDefinitionAmbiguityReason.None, reason);
        }
    }
}

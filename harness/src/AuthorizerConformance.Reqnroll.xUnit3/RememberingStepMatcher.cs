using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Reqnroll.Bindings;
using Reqnroll.ErrorHandling;
using Reqnroll.Infrastructure;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Reqnroll's step matcher (<see cref="StepDefinitionMatchService"/>), remembering the binding each distinct step line
/// matched: a suite repeats its lines ("Given a valid token") across hundreds of scenarios, and Reqnroll tries every step
/// definition's regex on each, then reads the method's attributes again for the match it builds. Remembered only where a
/// step's match depends on nothing but its type, text and culture: no step definition is scoped (a scope looks at the
/// scenario's tags) and the step has no doc string or table (those become arguments of the match). Only a match of exactly
/// one binding is remembered; an undefined, ambiguous or failing step is matched again every time, with its diagnostics.
/// A remembered match is shared as Reqnroll built it (it never changes): its arguments are the texts its regex captured.
/// </summary>
public sealed class RememberingStepMatcher(
    IBindingRegistry registry, IStepArgumentTypeConverter converter, IErrorProvider errors, IMatchArgumentCalculator calculator)
    : IStepDefinitionMatchService
{
    // Per binding registry (one per test assembly and run): null when a step definition is scoped.
    private static readonly ConditionalWeakTable<IBindingRegistry, ConcurrentDictionary<Key, BindingMatch>?> Memos = new();

    private readonly StepDefinitionMatchService _matcher = new(registry, converter, errors, calculator);

    private readonly record struct Key(StepDefinitionType Type, string Text, string Culture);

    /// <inheritdoc />
    public bool Ready => _matcher.Ready;

    /// <summary>
    /// Whether a step's binding under <paramref name="registry"/> depends on nothing but the step itself: no step definition
    /// is scoped (a scope looks at the feature, the scenario and their tags).
    /// </summary>
    internal static bool DependsOnLineAlone(IBindingRegistry registry) => !registry.GetStepDefinitions().Any(d => d.IsScoped);

    /// <inheritdoc />
    public BindingMatch GetBestMatch(StepInstance stepInstance, CultureInfo bindingCulture, out StepDefinitionAmbiguityReason ambiguityReason,
        out List<BindingMatch> candidatingMatches)
    {
        ArgumentNullException.ThrowIfNull(stepInstance);
        var memo = stepInstance.MultilineTextArgument is null && stepInstance.TableArgument is null && registry.Ready
            ? Memos.GetValue(registry, r => DependsOnLineAlone(r) ? new ConcurrentDictionary<Key, BindingMatch>() : null)
            : null;
        var key = new Key(stepInstance.StepDefinitionType, stepInstance.Text, bindingCulture?.Name ?? "");
        if (memo is not null && memo.TryGetValue(key, out var known))
        {
            ambiguityReason = StepDefinitionAmbiguityReason.None;
            candidatingMatches = [known];
            return known;
        }
        var match = _matcher.GetBestMatch(stepInstance, bindingCulture, out ambiguityReason, out candidatingMatches);
        if (memo is not null && match.Success && ambiguityReason == StepDefinitionAmbiguityReason.None)
            memo.TryAdd(key, match);
        return match;
    }

    /// <inheritdoc />
    public BindingMatch Match(IStepDefinitionBinding stepDefinitionBinding, StepInstance stepInstance, CultureInfo bindingCulture,
        bool useRegexMatching = true, bool useParamMatching = true, bool useScopeMatching = true) =>
        _matcher.Match(stepDefinitionBinding, stepInstance, bindingCulture, useRegexMatching, useParamMatching, useScopeMatching);
}

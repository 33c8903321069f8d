namespace CallLoop.Domain;

/// <summary>
/// Which registered processors must hear of an event. A processor is affected when the subject's information was
/// disclosed to it (a disclosure names it), or when it is registered to receive a category the subject holds or
/// ever held. A correction narrows both tests to the corrected category.
/// </summary>
public static class AffectedProcessors
{
    public static IReadOnlyList<string> Select(
        SubjectState state,
        PropagationAction action,
        PersonalInformationCategory? category,
        IEnumerable<ProcessorTarget> processors)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(processors);
        var narrowTo = action == PropagationAction.Correct ? category : null;
        var disclosedTo = state.Disclosures
            .Where(d => narrowTo is not { } c || d.Categories.Contains(c))
            .Select(d => d.Recipient)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var held = narrowTo is { } only
            ? (state.Propagation.CategoriesEverHeld.Contains(only) || state.Categories.ContainsKey(only) ? [only] : [])
            : state.Propagation.CategoriesEverHeld.Union(state.Categories.Keys);

        return processors
            .Where(p => disclosedTo.Contains(p.Processor) || p.Categories.Any(held.Contains))
            .Select(p => p.Processor)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}

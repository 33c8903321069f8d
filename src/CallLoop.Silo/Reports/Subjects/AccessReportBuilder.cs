using CallLoop.Domain;

namespace CallLoop.Silo.Reports.Subjects;

/// <summary>Pure: cuts a subject's state (from its grain) to a window and a level of detail; never-disclosed values read "held, not disclosed".</summary>
public static class AccessReportBuilder
{
    public const string CategoriesLevel = "categories";
    public const string SpecificLevel = "specific";

    public static AccessReport Build(SubjectState state, string level, DateTimeOffset? from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(state);
        var specific = level == SpecificLevel;
        bool InWindow(DateTimeOffset at) => (from is null || at > from) && at <= to;

        var categories = state.Collections
            .Where(c => InWindow(c.CollectedAt))
            .GroupBy(c => c.Category)
            .OrderBy(g => g.Key)
            .Select(g => new AccessCategory(
                g.Key,
                g.Select(c => new CategorySource { Source = c.Source, Detail = c.SourceDetail }).Distinct().ToList(),
                g.SelectMany(c => c.Purposes).Distinct().Order().ToList(),
                g.Min(c => c.CollectedAt),
                g.Max(c => c.CollectedAt),
                specific ? HeldValues(state, g.Key) : null))
            .ToList();

        var disclosed = state.Disclosures.Where(d => InWindow(d.DisclosedAt)).ToList();
        var disclosures = specific
            ? disclosed.Select(d => new AccessDisclosure(d.Purpose, d.RecipientType, d.Recipient, d.Categories.Order().ToList(), d.DisclosedAt)).ToList()
            : disclosed
                .GroupBy(d => (d.Purpose, d.RecipientType))
                .OrderBy(g => g.Key.Purpose).ThenBy(g => g.Key.RecipientType)
                .Select(g => new AccessDisclosure(g.Key.Purpose, g.Key.RecipientType, null, g.SelectMany(d => d.Categories).Distinct().Order().ToList(), null))
                .ToList();

        // What the subject's own staff wrote about them (consent evidence, a request's explanation) is their personal
        // information: the specific-pieces answer gives it, as the export does; the categories answer withholds it.
        var view = specific ? SubjectViews.ToPersonalProfile(NeverDisclosedFields.Withhold(state)) : SubjectViews.ToProfile(state);
        return new AccessReport(state.SubjectId ?? string.Empty, level, view.Jurisdiction, from, to, categories, disclosures, view.Consents, view.OptOuts, view.Requests,
            state.BreachNotices.Where(n => InWindow(n.SentAt)).ToList());
    }

    private static IReadOnlyDictionary<string, string> HeldValues(SubjectState state, PersonalInformationCategory category) =>
        state.Categories.TryGetValue(category, out var held)
            ? NeverDisclosedFields.Withhold(held.Values).OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value)
            : new Dictionary<string, string>();
}

using CallLoop.Domain;
using CallLoop.EventStore.Projections.Subjects;

namespace CallLoop.Silo.Reports.Subjects;

/// <summary>Pure: cuts a subject's access profile to a window and a level of detail; never-disclosed values read "held, not disclosed".</summary>
public static class AccessReportBuilder
{
    public const string CategoriesLevel = "categories";
    public const string SpecificLevel = "specific";

    public static AccessReport Build(SubjectAccessProfile profile, string level, DateTimeOffset? from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var specific = level == SpecificLevel;
        bool InWindow(DateTimeOffset at) => (from is null || at > from) && at <= to;

        var categories = profile.Collections
            .Where(c => InWindow(c.CollectedAt))
            .GroupBy(c => c.Category)
            .OrderBy(g => g.Key)
            .Select(g => new AccessCategory(
                g.Key,
                g.Select(c => new CategorySource { Source = c.Source, Detail = c.SourceDetail }).Distinct().ToList(),
                g.SelectMany(c => c.Purposes).Distinct().Order().ToList(),
                g.Min(c => c.CollectedAt),
                g.Max(c => c.CollectedAt),
                specific ? HeldValues(profile.State, g.Key) : null))
            .ToList();

        var disclosed = profile.State.Disclosures.Where(d => InWindow(d.DisclosedAt)).ToList();
        var disclosures = specific
            ? disclosed.Select(d => new AccessDisclosure(d.Purpose, d.RecipientType, d.Recipient, d.Categories.Order().ToList(), d.DisclosedAt)).ToList()
            : disclosed
                .GroupBy(d => (d.Purpose, d.RecipientType))
                .OrderBy(g => g.Key.Purpose).ThenBy(g => g.Key.RecipientType)
                .Select(g => new AccessDisclosure(g.Key.Purpose, g.Key.RecipientType, null, g.SelectMany(d => d.Categories).Distinct().Order().ToList(), null))
                .ToList();

        var view = SubjectProjection.ToProfile(profile.State);
        return new AccessReport(profile.Id, level, view.Jurisdiction, from, to, categories, disclosures, view.Consents, view.OptOuts, view.Requests,
            profile.State.BreachNotices.Where(n => InWindow(n.SentAt)).ToList());
    }

    private static IReadOnlyDictionary<string, string> HeldValues(SubjectState state, PersonalInformationCategory category) =>
        state.Categories.TryGetValue(category, out var held)
            ? NeverDisclosedFields.Withhold(held.Values).OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value)
            : new Dictionary<string, string>();
}

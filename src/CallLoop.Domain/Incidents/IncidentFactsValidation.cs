namespace CallLoop.Domain;

/// <summary>Input checks of an incident's facts, shared by the report and its corrections.</summary>
internal static class IncidentFactsValidation
{
    public const int MaxSystems = 32;

    public static IncidentFacts Validate(IncidentFacts? facts, DateTimeOffset now)
    {
        if (facts is null)
        {
            throw new InvalidCommandException("body", "The incident's facts are required.");
        }

        var discovered = Time(facts.DiscoveredAt, "discoveredAt", now);
        var from = Time(facts.OccurredFrom, "occurredFrom", now);
        var to = Time(facts.OccurredTo, "occurredTo", now);
        if (to < from)
        {
            throw new InvalidCommandException("occurredTo", "Field 'occurredTo' must not be before 'occurredFrom'.");
        }

        if (discovered < from)
        {
            throw new InvalidCommandException("discoveredAt", "Field 'discoveredAt' must not be before 'occurredFrom'.");
        }

        var systems = facts.Systems ?? [];
        if (systems.Count > MaxSystems)
        {
            throw new InvalidCommandException("systems", $"Field 'systems' must list at most {MaxSystems} systems.");
        }

        return facts with
        {
            DiscoveredAt = discovered,
            OccurredFrom = from,
            OccurredTo = to,
            Description = CommandInput.LongText(facts.Description, "description"),
            Categories = [.. CommandInput.NonEmpty(facts.Categories, "categories").Order()],
            DataElements = [.. CommandInput.NonEmpty(facts.DataElements, "dataElements").Order()],
            Systems = systems.Select((s, i) => CommandInput.Text(s, $"systems[{i}]")).Distinct(StringComparer.Ordinal).ToArray(),
            StepsTaken = CommandInput.OptionalLongText(facts.StepsTaken, "stepsTaken"),
        };
    }

    public static bool Same(IncidentFacts a, IncidentFacts b) =>
        a.DiscoveredAt == b.DiscoveredAt
        && a.OccurredFrom == b.OccurredFrom
        && a.OccurredTo == b.OccurredTo
        && a.Description == b.Description
        && a.Categories.SequenceEqual(b.Categories)
        && a.DataElements.SequenceEqual(b.DataElements)
        && a.Encrypted == b.Encrypted
        && a.KeyCompromised == b.KeyCompromised
        && a.Systems.SequenceEqual(b.Systems)
        && a.RealRiskOfSignificantHarm == b.RealRiskOfSignificantHarm
        && a.StepsTaken == b.StepsTaken;

    private static DateTimeOffset Time(DateTimeOffset value, string field, DateTimeOffset now) =>
        value == default
            ? throw new InvalidCommandException(field, $"Field '{field}' is required.")
            : CommandInput.Timestamp(value, field, now);
}

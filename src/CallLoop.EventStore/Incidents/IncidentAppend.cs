using CallLoop.Domain;

namespace CallLoop.EventStore.Incidents;

/// <summary>
/// One command's write to an incident's stream: its events after <paramref name="ExpectedVersion"/>, made by
/// <paramref name="Actor"/>, and the analytics rows that must commit or fail with them.
/// </summary>
public sealed record IncidentAppend(string IncidentId, long ExpectedVersion, IReadOnlyList<IncidentEvent> Events, string? Actor)
{
    /// <summary>The incident's obligations after these events, replacing its rows of the obligations table.</summary>
    public required IncidentObligations Obligations { get; init; }

    /// <summary>The incident's line of the list of incidents after these events.</summary>
    public required IncidentSummary Summary { get; init; }

    /// <summary>Subjects these events record as sent an individual notice, and when it was sent.</summary>
    public (IReadOnlyCollection<string> SubjectIds, DateTimeOffset SentAt)? Noticed { get; init; }
}

/// <summary>What each jurisdiction requires of an incident discovered at <paramref name="DiscoveredAt"/>, due soon <paramref name="DueSoonLead"/> before each deadline.</summary>
public sealed record IncidentObligations(DateTimeOffset DiscoveredAt, IReadOnlyList<JurisdictionObligation> Jurisdictions, TimeSpan DueSoonLead);

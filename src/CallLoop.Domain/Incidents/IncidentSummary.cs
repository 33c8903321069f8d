namespace CallLoop.Domain;

/// <summary>
/// One line of the list of incidents (every incident, obligations or not): ids, times, codes and counts only, folded
/// from the incident's events and written with each of them.
/// </summary>
public sealed record IncidentSummary(
    string IncidentId,
    DateTimeOffset DiscoveredAt,
    DateTimeOffset? ReportedAt,
    int Assessment,
    string AssessmentStatus,
    long Affected,
    int FailedAttempts,
    string? ErrorType)
{
    public static IncidentSummary Of(IncidentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var facts = state.Facts ?? throw new ArgumentException("The incident is not reported.", nameof(state));
        var failure = state.AssessmentFailed ? state.LastFailure : null;
        return new IncidentSummary(
            state.IncidentId!,
            facts.DiscoveredAt,
            state.ReportedAt,
            state.AssessmentStarted,
            Domain.AssessmentStatus.Of(state),
            state.AssessmentStale || failure is not null ? 0 : state.Affected.Values.Sum(a => a.Affected),
            failure?.Attempts ?? 0,
            failure?.ErrorType);
    }
}

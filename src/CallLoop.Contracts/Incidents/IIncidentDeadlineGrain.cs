namespace CallLoop.Contracts.Incidents;

/// <summary>
/// Owns the Orleans reminders of one incident's open obligations (key: the incident id): one when each becomes due
/// soon, one when it is overdue. Reminders live in PostgreSQL, so they outlive silo restarts. Scheduling is
/// idempotent: the set given replaces the set armed (met obligations drop out, moved due dates move).
/// </summary>
public interface IIncidentDeadlineGrain : IGrainWithStringKey
{
    Task ScheduleAsync(IReadOnlyList<ObligationDeadline> deadlines);

    /// <summary>Names of the reminders still registered, for operations and tests.</summary>
    Task<IReadOnlyList<string>> PendingAsync();
}

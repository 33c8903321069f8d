namespace CallLoop.Contracts.Deadlines;

/// <summary>
/// Owns the Orleans reminders of one rights request (key: <see cref="RequestDeadlineKey"/>): one when the request
/// becomes due soon, one when it is overdue. Reminders live in PostgreSQL, so they outlive silo restarts.
/// Scheduling is idempotent: scheduling again (after an extension) moves the reminders.
/// </summary>
public interface IRequestDeadlineGrain : IGrainWithStringKey
{
    Task ScheduleAsync(DateTimeOffset dueAt);

    /// <summary>Removes both reminders (the request closed).</summary>
    Task CancelAsync();

    /// <summary>Names of the reminders still registered, for operations and tests.</summary>
    Task<IReadOnlyList<string>> PendingAsync();
}

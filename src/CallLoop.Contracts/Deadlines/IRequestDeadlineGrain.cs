using CallLoop.Domain;

namespace CallLoop.Contracts.Deadlines;

/// <summary>
/// Owns the Orleans reminders of one rights request (key: <see cref="RequestDeadlineKey"/>): per deadline (the
/// response, the receipt confirmation, an open appeal's answer) one when it becomes due soon, one when it is overdue.
/// Reminders live in PostgreSQL, so they outlive silo restarts. Scheduling is idempotent: scheduling again (after an
/// extension) moves the reminders.
/// </summary>
public interface IRequestDeadlineGrain : IGrainWithStringKey
{
    /// <summary>Schedules the response deadline's reminders.</summary>
    Task ScheduleAsync(DateTimeOffset dueAt);

    Task ScheduleDeadlineAsync(RequestDeadlineKind deadline, DateTimeOffset dueAt);

    /// <summary>Removes every reminder (the request is gone).</summary>
    Task CancelAsync();

    /// <summary>Removes one deadline's reminders (it was met or became moot).</summary>
    Task CancelDeadlineAsync(RequestDeadlineKind deadline);

    /// <summary>Names of the reminders still registered, for operations and tests.</summary>
    Task<IReadOnlyList<string>> PendingAsync();
}

namespace CallLoop.Contracts.Retention;

/// <summary>
/// Owns one subject's retention reminder (key: the subject id), kept in PostgreSQL so it outlives silo restarts.
/// When it fires, the subject's grain erases what is past its retention period; the reminder then moves to the next
/// period's end, or goes away when nothing is left to erase by time.
/// </summary>
public interface IRetentionGrain : IGrainWithStringKey
{
    /// <summary>The account ended at <paramref name="endedAt"/>: arm the reminder for the first period's end (idempotent).</summary>
    Task AccountEndedAsync(DateTimeOffset endedAt);

    /// <summary>Someone without an account had an event at <paramref name="at"/>: arm the reminder for the end of their period after it.</summary>
    Task EventWithoutAccountAsync(DateTimeOffset at);

    /// <summary>Something that kept data may have gone (a legal hold was released): review as soon as possible.</summary>
    Task ReviewSoonAsync();

    /// <summary>Whether the reminder is registered, for operations and tests.</summary>
    Task<bool> IsPendingAsync();
}

namespace CallLoop.EventStore.Publication;

/// <summary>
/// Something that must hear of every committed subject event (the Orleans stream, deadline reminders, metrics).
/// Pages arrive in global sequence order and, after a failover or a failed page, again: handlers must be idempotent.
/// Throwing makes the publication retry the same page for this reactor; the checkpoint does not move meanwhile.
/// </summary>
public interface ICommittedEventReactor
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }

    Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken);
}

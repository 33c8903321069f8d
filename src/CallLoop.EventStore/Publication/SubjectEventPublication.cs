using CallLoop.Domain;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Logging;

namespace CallLoop.EventStore.Publication;

/// <summary>
/// Reads Marten's event log in order, through the async daemon, and hands every committed subject event to each
/// <see cref="ICommittedEventReactor"/>. The daemon stores this subscription's checkpoint only after this method
/// returns, and this method returns only once every reactor has taken the page: a process that dies in between
/// leaves the checkpoint behind, and the next daemon leader replays the page (at least once, never lost).
/// </summary>
public sealed class SubjectEventPublication : SubscriptionBase
{
    public const string SubscriptionName = "subject-event-publication";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<ICommittedEventReactor> reactors;
    private readonly ILogger<SubjectEventPublication> logger;

    public SubjectEventPublication(IEnumerable<ICommittedEventReactor> reactors, ILogger<SubjectEventPublication> logger)
    {
        this.reactors = reactors.ToList();
        this.logger = logger;
        Name = SubscriptionName;
        Options.BatchSize = Configuration.PrivacyProjections.PageSize;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page,
        ISubscriptionController controller,
        IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        var committed = page.Events
            .Where(e => e.Data is SubjectEvent)
            .Select(ToCommitted)
            .ToList();
        if (committed.Count > 0)
        {
            foreach (var reactor in reactors)
            {
                await DeliverAsync(reactor, committed, page, cancellationToken);
            }
        }

        return NullChangeListener.Instance;
    }

    /// <summary>
    /// Retries one reactor until it takes the page or the daemon stops: skipping would lose events for good, and
    /// retrying only the failing reactor keeps the others from seeing the page twice in this process.
    /// </summary>
    private async Task DeliverAsync(ICommittedEventReactor reactor, IReadOnlyList<CommittedSubjectEvent> committed, EventRange page, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await reactor.HandleAsync(committed, cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Only the exception type: messages of downstream failures may quote event data.
                logger.LogWarning(
                    "Publication to {Reactor} failed for sequences {Floor}-{Ceiling} (attempt {Attempt}, {ErrorType}); retrying",
                    reactor.Name, page.SequenceFloor, page.SequenceCeiling, attempt, ex.GetType().Name);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private static CommittedSubjectEvent ToCommitted(IEvent e) =>
        new(e.StreamKey ?? string.Empty, e.Sequence, e.Version, e.EventTypeName, e.Timestamp, (SubjectEvent)e.Data);
}

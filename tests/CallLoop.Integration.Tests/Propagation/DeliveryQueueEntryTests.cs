using CallLoop.Domain;
using CallLoop.EventStore.Projections.Deliveries;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>The queue's document folds every propagation event the way the subject's own state does (no I/O).</summary>
public sealed class DeliveryQueueEntryTests
{
    private const string Subject = "queue-entry-subject";
    private const string Processor = "Mail House";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string DeliveryId = DeliveryIds.Of(Subject, 7, Processor);

    public static TheoryData<string> Histories => ["dead-lettered", "redelivered", "acknowledged", "waived"];

    [Theory]
    [MemberData(nameof(Histories))]
    public void Given_a_delivery_history_When_folded_into_the_queue_Then_it_agrees_with_the_subjects_state(string history)
    {
        var events = History(history);

        var entry = DeliveryQueueEntry.Planned((PropagationPlanned)events[0], ((PropagationPlanned)events[0]).Deliveries[0]);
        foreach (var e in events.Skip(1))
        {
            entry.Fold(e);
        }

        var record = SubjectEvolver.Fold(events).Propagation.Deliveries[DeliveryId];
        Assert.Equal(
            (record.Status, record.Attempts, record.AttemptsBeforeRedelivery, record.Redeliveries, record.AcknowledgedAt, record.WaivedAt),
            (entry.WebhookStatus, entry.Attempts, entry.AttemptsBeforeRedelivery, entry.Redeliveries, entry.AcknowledgedAt, entry.WaivedAt));
        Assert.Equal(history == "redelivered" ? "delivered" : history, entry.Status);
        Assert.Equal((Subject, DeliveryId, Processor, PropagationAction.Erase, "req-1", Start), (entry.SubjectId, entry.DeliveryId, entry.Processor, entry.Action, entry.RequestId, entry.PlannedAt));
        Assert.Equal($"{Subject}/{DeliveryId}", entry.Id);
        var resent = history is "redelivered" or "acknowledged";
        Assert.Equal(resent ? Start.AddMinutes(11) : Start.AddMinutes(3), entry.LastAttemptAt);
        Assert.Equal(resent ? Start.AddMinutes(11) : null, entry.DeliveredAt);
        Assert.Equal(Start.AddMinutes(3), entry.DeadLetteredAt);
    }

    private static List<SubjectEvent> History(string kind)
    {
        var events = new List<SubjectEvent>
        {
            new PropagationPlanned
            {
                SubjectId = Subject,
                OccurredAt = Start,
                SourceSequence = 7,
                Action = PropagationAction.Erase,
                RequestId = "req-1",
                Deliveries = [new PlannedDelivery { DeliveryId = DeliveryId, Processor = Processor }],
            },
        };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            events.Add(new WebhookAttemptFailed { SubjectId = Subject, OccurredAt = Start.AddMinutes(attempt), DeliveryId = DeliveryId, Processor = Processor, Attempt = attempt, Failure = "http-503" });
        }

        events.Add(new WebhookDeadLettered { SubjectId = Subject, OccurredAt = Start.AddMinutes(3), DeliveryId = DeliveryId, Processor = Processor, Attempts = 3 });
        if (kind is "redelivered" or "acknowledged")
        {
            events.Add(new WebhookRedeliveryRequested { SubjectId = Subject, OccurredAt = Start.AddMinutes(10), DeliveryId = DeliveryId, Processor = Processor, PreviousAttempts = 3 });
            events.Add(new WebhookDelivered { SubjectId = Subject, OccurredAt = Start.AddMinutes(11), DeliveryId = DeliveryId, Processor = Processor, Attempt = 4, StatusCode = 200 });
        }

        if (kind == "acknowledged")
        {
            events.Add(new ProcessorAcknowledged { SubjectId = Subject, OccurredAt = Start.AddMinutes(12), DeliveryId = DeliveryId, Processor = Processor, RequestId = "req-1" });
        }

        if (kind == "waived")
        {
            events.Add(new ProcessorDeliveryWaived { SubjectId = Subject, OccurredAt = Start.AddMinutes(20), DeliveryId = DeliveryId, Processor = Processor, RequestId = "req-1", Reason = "Closed down.", WaivedBy = "admin-1" });
        }

        return events;
    }
}

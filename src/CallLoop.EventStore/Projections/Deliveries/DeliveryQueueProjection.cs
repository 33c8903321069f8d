using CallLoop.Domain;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Deliveries;

/// <summary>
/// One <see cref="DeliveryQueueEntry"/> per webhook delivery, keyed by subject and delivery id (async: an inline
/// projection would take the group commit off its set-based write path).
/// </summary>
public sealed partial class DeliveryQueueProjection : MultiStreamProjection<DeliveryQueueEntry, string>
{
    public DeliveryQueueProjection()
    {
        Name = ProjectionNames.DeliveryQueue;
        Identities<PropagationPlanned>(e => e.Deliveries.Select(d => DeliveryQueueEntry.KeyOf(e.SubjectId, d.DeliveryId)).ToArray());
        Identity<WebhookDelivered>(e => DeliveryQueueEntry.KeyOf(e.SubjectId, e.DeliveryId));
        Identity<WebhookAttemptFailed>(e => DeliveryQueueEntry.KeyOf(e.SubjectId, e.DeliveryId));
        Identity<WebhookDeadLettered>(e => DeliveryQueueEntry.KeyOf(e.SubjectId, e.DeliveryId));
        Identity<WebhookRedeliveryRequested>(e => DeliveryQueueEntry.KeyOf(e.SubjectId, e.DeliveryId));
        Identity<ProcessorAcknowledged>(e => DeliveryQueueEntry.KeyOf(e.SubjectId, e.DeliveryId));
        Identity<ProcessorDeliveryWaived>(e => DeliveryQueueEntry.KeyOf(e.SubjectId, e.DeliveryId));
    }

    public override DeliveryQueueEntry? Evolve(DeliveryQueueEntry? snapshot, string id, IEvent e)
    {
        switch (e.Data)
        {
            // A planning event names several deliveries: each document takes the one its key names.
            case PropagationPlanned planned:
                var delivery = planned.Deliveries.FirstOrDefault(d => DeliveryQueueEntry.KeyOf(planned.SubjectId, d.DeliveryId) == id);
                return delivery is null ? snapshot : DeliveryQueueEntry.Planned(planned, delivery);
            case SubjectEvent about when snapshot is not null && DeliveryEvolver.DeliveryIdOf(about) is not null:
                snapshot.Fold(about);
                return snapshot;
            default:
                return snapshot;
        }
    }
}

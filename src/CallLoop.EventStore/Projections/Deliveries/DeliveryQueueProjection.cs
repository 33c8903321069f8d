using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Deliveries;

/// <summary>
/// One <see cref="DeliveryQueueEntry"/> per webhook delivery, keyed by subject and delivery id (async: an inline
/// projection would take the group commit off its set-based write path). A page of events loads the entries it names
/// with one query and writes them back with one statement; each entry folds through the domain's <see cref="DeliveryEvolver"/>.
/// </summary>
public sealed class DeliveryQueueProjection(ISerializer serializer) : IProjection
{
    private static readonly string Table = $"{PrivacyEventStoreExtensions.SchemaName}.mt_doc_deliveryqueueentry";

    /// <summary>The plans and the events about one delivery (<see cref="KeysOf"/>); the daemon loads no other.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [typeof(PropagationPlanned), .. DeliveryEvolver.EventTypes];

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var entries = await DocumentPage.FoldAsync<DeliveryQueueEntry>(operations, events, KeysOf, Fold, d => d.Id, cancellation);
        if (entries.Count == 0)
        {
            return;
        }

        operations.QueueSqlCommand(
            $"""
            insert into {Table} (id, data, mt_dotnet_type, mt_version, mt_last_modified, status, processor, planned_at)
            select d.id, d.data, ?, d.events, transaction_timestamp(), d.status, d.processor, d.planned_at
            from unnest(?::varchar[], ?::jsonb[], ?::bigint[], ?::varchar[], ?::varchar[], ?::timestamptz[]) as d(id, data, events, status, processor, planned_at)
            on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_version = {Table}.mt_version + excluded.mt_version,
                mt_last_modified = excluded.mt_last_modified, status = excluded.status, processor = excluded.processor, planned_at = excluded.planned_at
            """,
            typeof(DeliveryQueueEntry).FullName!,
            entries.Select(d => d.Document.Id).ToArray(),
            entries.Select(d => serializer.ToJson(d.Document)).ToArray(),
            entries.Select(d => (long)d.Events).ToArray(),
            entries.Select(d => d.Document.Status).ToArray(),
            entries.Select(d => d.Document.Processor).ToArray(),
            entries.Select(d => d.Document.PlannedAt.ToUniversalTime()).ToArray());
    }

    /// <summary>The entries an event changes: each delivery a plan names, or the one delivery the event is about.</summary>
    public static IEnumerable<string> KeysOf(IEvent e) => e.Data switch
    {
        PropagationPlanned planned => planned.Deliveries.Select(d => DeliveryQueueEntry.KeyOf(planned.SubjectId, d.DeliveryId)),
        SubjectEvent about when DeliveryEvolver.DeliveryIdOf(about) is { } deliveryId => [DeliveryQueueEntry.KeyOf(about.SubjectId, deliveryId)],
        _ => [],
    };

    public static DeliveryQueueEntry? Fold(DeliveryQueueEntry? entry, string key, IEvent e)
    {
        switch (e.Data)
        {
            // A planning event names several deliveries: each entry takes the one its key names.
            case PropagationPlanned planned:
                var delivery = planned.Deliveries.FirstOrDefault(d => DeliveryQueueEntry.KeyOf(planned.SubjectId, d.DeliveryId) == key);
                return delivery is null ? entry : DeliveryQueueEntry.Planned(planned, delivery);
            case SubjectEvent about when entry is not null:
                entry.Fold(about);
                return entry;
            default:
                return entry;
        }
    }
}

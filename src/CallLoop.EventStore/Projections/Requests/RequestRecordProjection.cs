using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Requests;

/// <summary>
/// One <see cref="RequestRecord"/> per rights request, keyed by subject and request id (async). The events it reads,
/// the request each one changes and how are all <see cref="RightsRequestEvolution"/>'s; this class only routes and
/// stores: a page of events loads the records it names with one query and writes them back with one statement.
/// </summary>
public sealed class RequestRecordProjection(ISerializer serializer) : IProjection
{
    private static readonly string Table = $"{PrivacyEventStoreExtensions.SchemaName}.mt_doc_requestrecord";

    /// <summary>The events that name a request (<see cref="RightsRequestEvolution.RequestIdOf"/>); the daemon loads no other.</summary>
    public static IReadOnlyList<Type> EventTypes => RightsRequestEvolution.EventTypes;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var records = await DocumentPage.FoldAsync<RequestRecord>(operations, events, KeysOf, (record, _, e) => e.Data is SubjectEvent about ? Fold(record, about) : record, r => r.Id, cancellation);
        if (records.Count == 0)
        {
            return;
        }

        operations.QueueSqlCommand(
            $"""
            insert into {Table} (id, data, mt_dotnet_type, mt_version, mt_last_modified, is_open, current_due_at)
            select d.id, d.data, ?, d.events, transaction_timestamp(), d.is_open, d.current_due_at
            from unnest(?::varchar[], ?::jsonb[], ?::bigint[], ?::boolean[], ?::timestamptz[]) as d(id, data, events, is_open, current_due_at)
            on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_version = {Table}.mt_version + excluded.mt_version,
                mt_last_modified = excluded.mt_last_modified, is_open = excluded.is_open, current_due_at = excluded.current_due_at
            """,
            typeof(RequestRecord).FullName!,
            records.Select(r => r.Document.Id).ToArray(),
            records.Select(r => serializer.ToJson(r.Document)).ToArray(),
            records.Select(r => (long)r.Events).ToArray(),
            records.Select(r => r.Document.IsOpen).ToArray(),
            records.Select(r => r.Document.CurrentDueAt?.ToUniversalTime()).ToArray());
    }

    /// <summary>The record an event changes, if it names a request.</summary>
    public static IEnumerable<string> KeysOf(IEvent e) =>
        e.Data is SubjectEvent about && RightsRequestEvolution.RequestIdOf(about) is { } requestId ? [RequestRecord.KeyOf(about.SubjectId, requestId)] : [];

    /// <summary>The record after one event about its request; none until the request is received.</summary>
    public static RequestRecord? Fold(RequestRecord? record, SubjectEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var request = record?.Lifecycle is { } folded ? RightsRequestEvolution.Evolve(folded, e)
            : e is RightsRequestReceived received ? RightsRequestEvolution.Received(received)
            : null;
        return request is null ? record : RequestRecord.Of(e.SubjectId, request);
    }
}

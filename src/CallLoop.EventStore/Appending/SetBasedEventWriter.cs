using System.Collections.Concurrent;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// Writes a batch's events into Marten's <c>mt_streams</c> and <c>mt_events</c> with one round trip of three
/// set-based statements, row for row what Marten's <c>mt_quick_append_events</c> writes (sequence from
/// <c>mt_events_sequence</c> in batch order, versions chained per stream, stream row moved to the last version, the
/// causation and correlation ids of the trace each append was made in).
/// The streams' versions were read and locked by the caller in the same transaction.
/// </summary>
internal sealed class SetBasedEventWriter
{
    private const string DefaultTenant = "*DEFAULT*";

    private readonly DocumentStore store;
    private readonly string insertStreams;
    private readonly string updateStreams;
    private readonly string insertEvents;

    /// <summary>Each event type's stored names, as Marten's graph names them (asked once per type, not once per event).</summary>
    private readonly ConcurrentDictionary<Type, (string EventTypeName, string DotNetTypeName)> names = new();

    public SetBasedEventWriter(IDocumentStore store)
    {
        this.store = (DocumentStore)store;
        var schema = store.Options.Events.DatabaseSchemaName;
        insertStreams =
            $"INSERT INTO {schema}.mt_streams (id, type, version, timestamp, tenant_id) " +
            $"SELECT n.id, NULL, n.version, now(), '{DefaultTenant}' FROM unnest(@ids, @versions) AS n(id, version)";
        updateStreams =
            $"UPDATE {schema}.mt_streams AS s SET version = greatest(s.version, u.version), timestamp = now() " +
            "FROM unnest(@ids, @versions) AS u(id, version) WHERE s.id = u.id";
        insertEvents =
            $"INSERT INTO {schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, causation_id, correlation_id, headers) " +
            $"SELECT nextval('{schema}.mt_events_sequence'), e.id, e.stream_id, e.version, e.data, e.type, '{DefaultTenant}', @timestamp, e.dotnet_type, FALSE, e.causation_id, e.correlation_id, e.headers " +
            "FROM unnest(@ids, @streams, @versions, @bodies, @types, @dotnet_types, @causation_ids, @correlation_ids, @headers) WITH ORDINALITY " +
            "AS e(id, stream_id, version, data, type, dotnet_type, causation_id, correlation_id, headers, n) ORDER BY e.n";
        Usable = store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Single
            && store.Options.Events.StreamIdentity == StreamIdentity.AsString
            && Graph.DefaultBinarySerializer is null
            && !this.store.Options.Projections.All.Any(p => p.Lifecycle == ProjectionLifecycle.Inline);
    }

    /// <summary>
    /// False when inline projections (which must see every append), binary event serialization, tenancy or Guid
    /// stream ids rule this path out; the Marten session path is taken then.
    /// </summary>
    public bool Usable { get; }

    private EventGraph Graph => (EventGraph)store.Options.Events;

    private (string EventTypeName, string DotNetTypeName) NamesOf(EventGraph graph, object data) =>
        names.GetOrAdd(data.GetType(), static (_, state) =>
        {
            var described = state.Graph.BuildEvent(state.Data);
            return (described.EventTypeName, described.DotNetTypeName);
        }, (Graph: graph, Data: data));

    public async Task WriteAsync(NpgsqlTransaction transaction, IReadOnlyList<PendingAppend> accepted, IReadOnlyDictionary<string, long> versions)
    {
        var graph = Graph;
        var serializer = store.Options.Serializer();
        var events = new EventRows(accepted.Sum(p => p.Append.Events.Count));
        var streams = new Dictionary<string, (long Before, long After)>(StringComparer.Ordinal);
        foreach (var pending in accepted)
        {
            var append = pending.Append;
            var version = streams.TryGetValue(append.StreamId, out var seen) ? seen.After : versions.GetValueOrDefault(append.StreamId);
            streams[append.StreamId] = (seen == default ? version : seen.Before, version + append.Events.Count);
            var headers = append.Headers is { Count: > 0 } ? serializer.ToJson(append.Headers) : "null";
            for (var i = 0; i < append.Events.Count; i++)
            {
                var data = append.Events[i];
                var (eventTypeName, dotNetTypeName) = NamesOf(graph, data);
                var id = events.Add(append.StreamId, ++version, serializer.ToJson(data), eventTypeName, dotNetTypeName, append.CausationId, append.CorrelationId, headers);
                if (i == 0)
                {
                    pending.FirstEventId = id;
                }
            }
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        var created = streams.Where(s => s.Value.Before == 0).ToArray();
        var moved = streams.Where(s => s.Value.Before > 0).ToArray();
        if (created.Length > 0)
        {
            batch.BatchCommands.Add(StreamCommand(insertStreams, created));
        }

        if (moved.Length > 0)
        {
            batch.BatchCommands.Add(StreamCommand(updateStreams, moved));
        }

        batch.BatchCommands.Add(events.ToCommand(insertEvents, DateTimeOffset.UtcNow));
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand StreamCommand(string sql, KeyValuePair<string, (long Before, long After)>[] streams)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = streams.Select(s => s.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = streams.Select(s => s.Value.After).ToArray() });
        return command;
    }
}

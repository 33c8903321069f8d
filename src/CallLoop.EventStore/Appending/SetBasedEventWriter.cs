using System.Collections.Concurrent;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// Writes a batch's events into Marten's <c>mt_streams</c> and <c>mt_events</c> set-based, row for row what Marten's
/// <c>mt_quick_append_events</c> writes (sequence from <c>mt_events_sequence</c> in batch order, versions chained per
/// stream, stream row moved to the last version, the causation and correlation ids of the trace each append was made
/// in). Two ways: <see cref="WriteAtExpectedVersionsAsync"/> checks each stream's version and writes in one statement
/// (one round trip; the usual case, where every grain knows its stream's version), and <see cref="WriteAsync"/> writes
/// after the caller read and locked the versions itself.
/// </summary>
internal sealed class SetBasedEventWriter
{
    private const string DefaultTenant = "*DEFAULT*";

    private readonly DocumentStore store;
    private readonly string insertStreams;
    private readonly string updateStreams;
    private readonly string insertEvents;
    private readonly string writeAtExpectedVersions;

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
        var insertEventRows =
            $"INSERT INTO {schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, causation_id, correlation_id, headers) " +
            $"SELECT nextval('{schema}.mt_events_sequence'), e.id, e.stream_id, e.version, e.data, e.type, '{DefaultTenant}', @timestamp, e.dotnet_type, FALSE, e.causation_id, e.correlation_id, e.headers " +
            "FROM unnest(@ids, @streams, @versions, @bodies, @types, @dotnet_types, @causation_ids, @correlation_ids, @headers) WITH ORDINALITY " +
            "AS e(id, stream_id, version, data, type, dotnet_type, causation_id, correlation_id, headers, n)";
        insertEvents = insertEventRows + " ORDER BY e.n";
        // Locks the moved streams in id order (as the caller's lock does, so that two writers cannot deadlock), moves
        // those still at the version the batch expects, starts those nobody started, and writes the events of exactly
        // the streams it moved or started; returns their ids. All CTEs share one snapshot, and the foreign key checks
        // of the events run at the statement's end, after the stream rows are in.
        writeAtExpectedVersions =
            $"WITH locked AS MATERIALIZED (SELECT id, version FROM {schema}.mt_streams WHERE id = ANY(@moved_ids) ORDER BY id FOR UPDATE), " +
            "expected AS (SELECT * FROM unnest(@moved_ids, @moved_from, @moved_to) AS x(id, version_from, version_to)), " +
            $"moved AS (UPDATE {schema}.mt_streams AS s SET version = x.version_to, timestamp = now() " +
            "FROM locked AS l JOIN expected AS x ON x.id = l.id WHERE s.id = l.id AND l.version = x.version_from RETURNING s.id), " +
            $"started AS (INSERT INTO {schema}.mt_streams (id, type, version, timestamp, tenant_id) " +
            $"SELECT n.id, NULL, n.version, now(), '{DefaultTenant}' FROM unnest(@started_ids, @started_versions) AS n(id, version) " +
            "ON CONFLICT (id) DO NOTHING RETURNING id), " +
            "written AS (SELECT id FROM moved UNION ALL SELECT id FROM started), " +
            $"appended AS ({insertEventRows} WHERE e.stream_id IN (SELECT id FROM written) ORDER BY e.n) " +
            "SELECT id FROM written";
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

    /// <summary>
    /// Writes the batch on the assumption that each stream is at the version its first append expects, checking that
    /// in the same statement: streams found there are written (their appends that do not chain on the ones before them
    /// are conflicts), and the appends of streams found elsewhere, or started by another writer, are returned
    /// untouched (<c>Elsewhere</c>) for the caller to lock and decide.
    /// </summary>
    public async Task<(List<PendingAppend> Accepted, List<PendingAppend> Conflicts, List<PendingAppend> Elsewhere)> WriteAtExpectedVersionsAsync(
        NpgsqlTransaction transaction, IReadOnlyList<PendingAppend> batch)
    {
        var expected = new Dictionary<string, long>(batch.Count, StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            expected.TryAdd(pending.Append.StreamId, pending.Append.ExpectedVersion);
        }

        var (accepted, conflicts) = BatchPlan.Split(batch, expected);
        var (events, streams) = Rows(accepted, expected);
        await using var command = new NpgsqlCommand(writeAtExpectedVersions, transaction.Connection, transaction);
        var started = streams.Where(s => s.Value.Before == 0).ToArray();
        var moved = streams.Where(s => s.Value.Before > 0).ToArray();
        command.Parameters.Add(StreamIds("started_ids", started));
        command.Parameters.Add(StreamVersions("started_versions", started, v => v.After));
        command.Parameters.Add(StreamIds("moved_ids", moved));
        command.Parameters.Add(StreamVersions("moved_from", moved, v => v.Before));
        command.Parameters.Add(StreamVersions("moved_to", moved, v => v.After));
        events.AddParameters(command.Parameters, DateTimeOffset.UtcNow);
        await command.PrepareAsync().ConfigureAwait(false);

        var written = new HashSet<string>(streams.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                written.Add(reader.GetString(0));
            }
        }

        bool Written(PendingAppend pending) => written.Contains(pending.Append.StreamId);
        return (accepted.Where(Written).ToList(), conflicts.Where(Written).ToList(), batch.Where(p => !Written(p)).ToList());
    }

    /// <summary>Writes appends that follow the given versions, which the caller read and locked in this transaction.</summary>
    public async Task WriteAsync(NpgsqlTransaction transaction, IReadOnlyList<PendingAppend> accepted, IReadOnlyDictionary<string, long> versions)
    {
        var (events, streams) = Rows(accepted, versions);
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

        var insert = new NpgsqlBatchCommand(insertEvents);
        events.AddParameters(insert.Parameters, DateTimeOffset.UtcNow);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>The events' rows, and each stream's version before and after them.</summary>
    private (EventRows Events, Dictionary<string, (long Before, long After)> Streams) Rows(IReadOnlyList<PendingAppend> accepted, IReadOnlyDictionary<string, long> versions)
    {
        var graph = Graph;
        var serializer = store.Options.Serializer();
        var events = new EventRows(accepted.Sum(p => p.Append.Events.Count));
        var streams = new Dictionary<string, (long Before, long After)>(accepted.Count, StringComparer.Ordinal);
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

        return (events, streams);
    }

    private static NpgsqlBatchCommand StreamCommand(string sql, KeyValuePair<string, (long Before, long After)>[] streams)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(StreamIds("ids", streams));
        command.Parameters.Add(StreamVersions("versions", streams, v => v.After));
        return command;
    }

    private static NpgsqlParameter StreamIds(string name, KeyValuePair<string, (long Before, long After)>[] streams) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = streams.Select(s => s.Key).ToArray() };

    private static NpgsqlParameter StreamVersions(
        string name, KeyValuePair<string, (long Before, long After)>[] streams, Func<(long Before, long After), long> version) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = streams.Select(s => version(s.Value)).ToArray() };
}

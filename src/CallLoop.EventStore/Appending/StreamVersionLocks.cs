using Npgsql;
using NpgsqlTypes;

namespace CallLoop.EventStore.Appending;

/// <summary>Reads and locks the current versions of a batch's streams in Marten's <c>mt_streams</c>, in one round trip.</summary>
internal sealed class StreamVersionLocks(string schema)
{
    private readonly string lockSql =
        $"SELECT id, version FROM {schema}.mt_streams WHERE id = ANY(@ids) ORDER BY id FOR UPDATE";

    private readonly string eventsSql = $"SELECT count(*) FROM {schema}.mt_events WHERE id = ANY(@ids)";

    /// <summary>
    /// Locks the rows until the transaction ends, so that no other writer (another silo's, or a stray one) moves
    /// a stream between this check and the append. Streams that do not exist yet are absent (version 0).
    /// </summary>
    public async Task<Dictionary<string, long>> LockAsync(NpgsqlTransaction transaction, IEnumerable<string> streamIds)
    {
        var ids = streamIds.Distinct(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand(lockSql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = ids });
        var versions = new Dictionary<string, long>(ids.Length, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    /// <summary>How many of these event ids are in the store (after a commit whose outcome was lost).</summary>
    public async Task<long> CountEventsAsync(NpgsqlDataSource dataSource, Guid[] eventIds)
    {
        await using var command = dataSource.CreateCommand(eventsSql);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = eventIds });
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }
}

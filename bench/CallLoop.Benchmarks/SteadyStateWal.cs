using Npgsql;

namespace CallLoop.Benchmarks;

/// <summary>
/// Gives the benchmark's freshly created PostgreSQL cluster the write-ahead log of a server that has been running a
/// while, before any row: a server past its first checkpoint recycles old 16 MiB segments for the WAL it writes next,
/// whereas a new cluster creates each segment and fills it with zeros on the commit path. At the write path's rate that
/// is a new segment every second or so, and every creation held all commits for 30–40 ms (docs/benchmarks.md, "Issue 17,
/// the runs of 2026-12-07 08:55–10:05"). The log is written with <c>pg_logical_emit_message</c> (no table is touched, so
/// no page is left dirty) and then checkpointed; PostgreSQL keeps the segments before the checkpoint as recycled ones.
/// <c>--fresh-wal</c> skips this, to measure the new cluster as it is.
/// </summary>
public static class SteadyStateWal
{
    private const string FreshArgument = "--fresh-wal";

    private const int MessageBytes = 1024 * 1024;

    /// <summary>
    /// Unless <see cref="FreshArgument"/> is given, writes three quarters of <c>max_wal_size</c> and checkpoints; returns a
    /// line for the run's header. On a server that refuses (<c>CALLLOOP_TEST_POSTGRES</c> naming one where the user may
    /// not emit messages or checkpoint), the rows run on its log as it is, and the line says so.
    /// </summary>
    public static async Task<string> PrepareUnlessFreshAsync(string[] args, NpgsqlDataSource dataSource)
    {
        if (args.Contains(FreshArgument))
        {
            return $"Write-ahead log: a new cluster's, each segment created on the commit path ({FreshArgument})\n";
        }

        try
        {
            return await PrepareAsync(dataSource);
        }
        catch (PostgresException refused)
        {
            return $"Write-ahead log: as the server has it; preparing it was refused ({refused.SqlState}: {refused.MessageText})\n";
        }
    }

    private static async Task<string> PrepareAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var maxWalBytes = await ScalarAsync<long>(connection, "SELECT pg_size_bytes(current_setting('max_wal_size'))");
        var messages = (int)(maxWalBytes * 3 / 4 / MessageBytes);
        await using (var emit = new NpgsqlCommand(
            "SELECT count(pg_logical_emit_message(false, 'callloop-bench-wal', repeat('x', $1))) FROM generate_series(1, $2)", connection))
        {
            emit.CommandTimeout = 600;
            emit.Parameters.AddWithValue(MessageBytes);
            emit.Parameters.AddWithValue(messages);
            await emit.ExecuteScalarAsync();
        }

        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 600 })
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        var ahead = await ScalarAsync<long>(connection,
            "SELECT count(*) FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$' AND name > pg_walfile_name(pg_current_wal_lsn())");
        return $"Write-ahead log: {messages:N0} MiB written and checkpointed before the rows; {ahead:N0} segments recycled ahead of the writes, " +
               $"as on a server that has run a while ({FreshArgument}: skipped)\n";
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

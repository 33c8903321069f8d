using System.Diagnostics;
using JasperFx.Events.Projections;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// Where Marten's async daemon stands: the event log's high sequence and each projection's or subscription's
/// progression row (<c>mt_event_progression</c>, named <c>{name}:All</c>).
/// </summary>
public static class DaemonProgress
{
    private const string Schema = "privacy";

    public static async Task<long> HighSequenceAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {Schema}.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Starts <paramref name="name"/> at the log's current end, so that a row measures its own events, not the backlog of earlier rows.</summary>
    public static Task SkipToEndAsync(NpgsqlDataSource dataSource, string name) => MoveToEndAsync(dataSource, name + ":All");

    /// <summary>
    /// Moves the daemon's high-water mark (the progression row Marten names <see cref="ShardState.HighWaterMark"/>: the
    /// sequence under which every event is committed or given up) to the log's current end, where a daemon that ran all along would have it.
    /// Left where an earlier daemon of the run stopped, the mark sits under the sequence holes that the rows without a
    /// daemon left (the naive service's conflicts roll back the numbers they drew), and a new daemon waits out the stale
    /// threshold at the first of them before any shard moves: its first seconds under load are then a catch-up.
    /// </summary>
    public static Task SkipHighWaterToEndAsync(NpgsqlDataSource dataSource) => MoveToEndAsync(dataSource, ShardState.HighWaterMark);

    private static async Task MoveToEndAsync(NpgsqlDataSource dataSource, string progressionName)
    {
        await using var command = dataSource.CreateCommand(
            $"insert into {Schema}.mt_event_progression (name, last_seq_id) select $1, coalesce(max(seq_id), 0) from {Schema}.mt_events " +
            "on conflict (name) do update set last_seq_id = excluded.last_seq_id");
        command.Parameters.AddWithValue(progressionName);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Places <paramref name="name"/> at <paramref name="sequence"/>: it handles every later event when it next runs.</summary>
    public static async Task SetAsync(NpgsqlDataSource dataSource, string name, long sequence)
    {
        await using var command = dataSource.CreateCommand(
            $"insert into {Schema}.mt_event_progression (name, last_seq_id) values ($1, $2) on conflict (name) do update set last_seq_id = excluded.last_seq_id");
        command.Parameters.AddWithValue(name + ":All");
        command.Parameters.AddWithValue(sequence);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> PositionAsync(NpgsqlDataSource dataSource, string name)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(last_seq_id), 0) from {Schema}.mt_event_progression where name = $1");
        command.Parameters.AddWithValue(name + ":All");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>For each name, how long after this call it had handled every event up to <paramref name="sequence"/> (null if not within <paramref name="limit"/>).</summary>
    public static async Task<Dictionary<string, TimeSpan?>> WaitForAllAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> names, long sequence, TimeSpan limit)
    {
        var result = names.ToDictionary(n => n, _ => (TimeSpan?)null);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && result.Values.Any(v => v is null))
        {
            foreach (var name in names.Where(n => result[n] is null))
            {
                if (await PositionAsync(dataSource, name) >= sequence)
                {
                    result[name] = clock.Elapsed;
                }
            }

            await Task.Delay(100);
        }

        return result;
    }
}

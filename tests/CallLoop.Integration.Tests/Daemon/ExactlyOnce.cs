using CallLoop.EventStore.Projections.Facts;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Integration.Tests.Publication.Durable;
using Npgsql;

namespace CallLoop.Integration.Tests.Daemon;

/// <summary>
/// What a daemon that moved between silos must still have done, read from the database: every shard past the last
/// committed event, one collection fact and one consent-ledger entry per event (none skipped, none twice), and every
/// committed event delivered on the partition streams and applied by the durable subscriber
/// (<see cref="DurableSubscriberGrain"/>) exactly once, in each subject's order.
/// </summary>
internal sealed class ExactlyOnce(string connectionString)
{
    public async Task AssertAsync(IReadOnlyList<string> shards, string[] subjectIds, int collectionsPerSubject)
    {
        // Caught up: every projection and the publication passed the last committed event.
        var last = await ScalarAsync("select max(seq_id) from privacy.mt_events");
        foreach (var shard in shards)
        {
            await Eventually.ReturnsAsync(
                () => ScalarAsync("select coalesce(max(last_seq_id), 0) from privacy.mt_event_progression where name = $1", shard),
                position => position >= last,
                Patience.Long,
                $"{shard} to pass the last event");
        }

        // Projected once each: one fact per collection event, one ledger entry per consent event, and no more.
        Assert.Equal(collectionsPerSubject * subjectIds.Length, await CountEventsAsync(subjectIds, "personal_information_collected"));
        Assert.Equal(
            await CountEventsAsync(subjectIds, "personal_information_collected"),
            await ScalarAsync($"select count(*) from {ReportTables.Qualified(ReportTables.CollectionFacts)} where subject_id = any($1)", subjectIds));
        Assert.Equal(
            await CountEventsAsync(subjectIds, "consent_granted"),
            await ScalarAsync($"select count(*) from {ReportTables.Qualified(ReportTables.ConsentLedger)} where subject_id = any($1)", subjectIds));

        // Published without a gap: every committed event reached the subscriber (a page replayed by a new leader
        // arrives again and is dropped as a duplicate), and the subscriber applied each exactly once, in order.
        var committed = await RowsAsync(
            "select stream_id, version from privacy.mt_events where stream_id = any($1) order by stream_id, version", subjectIds);
        var handled = await Eventually.ReturnsAsync(
            () => RowsAsync($"select subject_id, version from {SubscriberLedger.Schema}.handled where subject_id = any($1) order by id", subjectIds),
            h => h.Count >= committed.Count,
            Patience.Long,
            "every committed event at the subscriber");
        foreach (var subjectId in subjectIds)
        {
            Assert.Equal(Versions(committed, subjectId), Versions(handled, subjectId));
        }

        // Durable, not merely repaired: every committed event also came on the stream itself (a batch a dead silo
        // had taken from the queue comes back after the visibility timeout).
        var streamed = await Eventually.ReturnsAsync(
            () => RowsAsync(
                $"""
                select subject_id, version from {SubscriberLedger.Schema}.handled where via = 'stream' and subject_id = any($1)
                union select subject_id, version from {SubscriberLedger.Schema}.dropped where subject_id = any($1)
                order by 1, 2
                """,
                subjectIds),
            s => s.Count >= committed.Count,
            Patience.Long,
            "every committed event on the stream");
        Assert.Equal(committed, streamed);
    }

    public Task<long> ScalarAsync(string sql, object? parameter = null) => TestSql.ScalarAsync(connectionString, sql, parameter);

    private Task<long> CountEventsAsync(string[] subjectIds, string type) =>
        ScalarAsync($"select count(*) from privacy.mt_events where stream_id = any($1) and type = '{type}'", subjectIds);

    private static long[] Versions(List<(string Subject, long Version)> rows, string subjectId) =>
        rows.Where(r => r.Subject == subjectId).Select(r => r.Version).ToArray();

    private async Task<List<(string Subject, long Version)>> RowsAsync(string sql, string[] subjectIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(subjectIds);
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}

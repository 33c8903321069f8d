using System.Diagnostics;
using System.Text.Json;
using CallLoop.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CallLoop.Benchmarks.Rows;

/// <summary>Row 1: the physical limit here: raw Npgsql inserts of rows shaped and sized like our events, 1,000 per transaction.</summary>
public static class PostgresCeiling
{
    private const int RowsPerTransaction = 1_000;

    public static async Task<Measurement> RunAsync(NpgsqlDataSource dataSource, BenchScale scale, int writers)
    {
        await using (var create = dataSource.CreateCommand(
            """
            CREATE TABLE IF NOT EXISTS bench_rows (
                seq_id bigserial PRIMARY KEY, id uuid NOT NULL, stream_id varchar NOT NULL, version bigint NOT NULL,
                data jsonb NOT NULL, type varchar NOT NULL, timestamp timestamptz NOT NULL DEFAULT now(), headers jsonb,
                UNIQUE (stream_id, version))
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        var body = JsonSerializer.Serialize<SubjectEvent>(SampleEvents.ConsentGranted(SampleEvents.SubjectId(1), 1), DomainJson.Options);
        var latencies = new List<long>[writers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            for (var t = 0; t < scale.CeilingTransactions / writers; t++)
            {
                var before = Stopwatch.GetTimestamp();
                await InsertAsync(dataSource, body, $"w{w}-t{t}-");
                latencies[w].Add(Stopwatch.GetTimestamp() - before);
            }
        })));
        clock.Stop();

        var rows = (double)(scale.CeilingTransactions / writers * writers * RowsPerTransaction);
        return new Measurement("1. PostgreSQL ceiling (Npgsql, 1,000 rows/tx)", "events/s", rows / clock.Elapsed.TotalSeconds,
            LatencySummary.From(latencies.SelectMany(l => l)), $"{writers} writers; latency per transaction; {body.Length} B rows");
    }

    private static async Task InsertAsync(NpgsqlDataSource dataSource, string body, string streamPrefix)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO bench_rows (id, stream_id, version, data, type, headers)
            SELECT i, s, 1, d, 'consent_granted', '{"actor":"bench"}'::jsonb FROM unnest(@ids, @streams, @bodies) AS u(i, s, d)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid)
        {
            Value = Enumerable.Range(0, RowsPerTransaction).Select(_ => Guid.CreateVersion7()).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("streams", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
        {
            Value = Enumerable.Range(0, RowsPerTransaction).Select(i => streamPrefix + i).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            Value = Enumerable.Repeat(body, RowsPerTransaction).ToArray(),
        });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}

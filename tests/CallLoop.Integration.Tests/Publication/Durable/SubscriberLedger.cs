using Npgsql;

namespace CallLoop.Integration.Tests.Publication.Durable;

/// <summary>
/// Where <see cref="DurableSubscriberGrain"/> keeps its effects and its position, in its own schema of the test
/// database, so the test reads them after a silo died. An effect and the position that covers it are written in
/// one transaction, and only if the position is still what the writer last read: a redelivery, or a second
/// activation racing during a failover, cannot apply anything twice.
/// </summary>
public sealed class SubscriberLedger(NpgsqlDataSource dataSource)
{
    public const string Schema = "stream_subscriber";

    public static async Task CreateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {Schema};
            CREATE TABLE IF NOT EXISTS {Schema}.handled (
                id bigserial PRIMARY KEY, subject_id text NOT NULL, version bigint NOT NULL, sequence bigint NULL, type text NOT NULL, via text NOT NULL);
            CREATE TABLE IF NOT EXISTS {Schema}.position (
                subject_id text PRIMARY KEY, last_sequence bigint NOT NULL, last_version bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS {Schema}.dropped (
                id bigserial PRIMARY KEY, subject_id text NOT NULL, sequence bigint NOT NULL, version bigint NOT NULL);
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<(long Sequence, long Version)?> ReadPositionAsync(string subjectId)
    {
        await using var command = dataSource.CreateCommand($"SELECT last_sequence, last_version FROM {Schema}.position WHERE subject_id = $1");
        command.Parameters.AddWithValue(subjectId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Applies <paramref name="effects"/> (in order) and moves the position from <paramref name="fromVersion"/>; false if it had moved.</summary>
    public async Task<bool> TryApplyAsync(string subjectId, long fromVersion, IReadOnlyList<HandledEffect> effects)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var move = new NpgsqlCommand(
            $"""
            INSERT INTO {Schema}.position AS p (subject_id, last_sequence, last_version) VALUES ($1, $2, $3)
            ON CONFLICT (subject_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_version = EXCLUDED.last_version
            WHERE p.last_version = $4
            """,
            connection,
            transaction))
        {
            var last = effects[^1];
            move.Parameters.AddWithValue(subjectId);
            move.Parameters.AddWithValue(last.Sequence ?? 0L);
            move.Parameters.AddWithValue(last.Version);
            move.Parameters.AddWithValue(fromVersion);

            // No row: inserted. A row still at fromVersion: updated. Anything else: another writer got there first
            // (versions start at 1, so a first write never matches an existing row).
            if (await move.ExecuteNonQueryAsync() == 0)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }

        foreach (var effect in effects)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {Schema}.handled (subject_id, version, sequence, type, via) VALUES ($1, $2, $3, $4, $5)", connection, transaction);
            insert.Parameters.AddWithValue(subjectId);
            insert.Parameters.AddWithValue(effect.Version);
            insert.Parameters.AddWithValue((object?)effect.Sequence ?? DBNull.Value);
            insert.Parameters.AddWithValue(effect.Type);
            insert.Parameters.AddWithValue(effect.Via);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    public async Task RecordDroppedAsync(string subjectId, long sequence, long version)
    {
        await using var command = dataSource.CreateCommand($"INSERT INTO {Schema}.dropped (subject_id, sequence, version) VALUES ($1, $2, $3)");
        command.Parameters.AddWithValue(subjectId);
        command.Parameters.AddWithValue(sequence);
        command.Parameters.AddWithValue(version);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One event applied by the subscriber; <see cref="Sequence"/> is unknown for events read back from history.</summary>
public sealed record HandledEffect(long Version, long? Sequence, string Type, string Via);

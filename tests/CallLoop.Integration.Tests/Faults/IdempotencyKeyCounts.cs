using Npgsql;

namespace CallLoop.Integration.Tests.Faults;

/// <summary>How many stored collection events carry each idempotency key: a key stored twice is a command applied twice.</summary>
internal static class IdempotencyKeyCounts
{
    public static async Task<Dictionary<string, int>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data ->> 'idempotencyKey', count(*) FROM privacy.mt_events WHERE type = 'personal_information_collected' AND data ->> 'idempotencyKey' IS NOT NULL GROUP BY 1",
            connection);
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }
}

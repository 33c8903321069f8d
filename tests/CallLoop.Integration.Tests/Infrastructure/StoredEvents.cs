using Npgsql;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>Reads the event table directly, to prove that a refused request appended nothing.</summary>
internal static class StoredEvents
{
    public static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM privacy.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

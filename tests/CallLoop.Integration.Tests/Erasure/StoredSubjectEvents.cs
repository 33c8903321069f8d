using Npgsql;

namespace CallLoop.Integration.Tests.Erasure;

/// <summary>A subject's events exactly as stored (type and JSON), read from Marten's table.</summary>
internal static class StoredSubjectEvents
{
    public static async Task<IReadOnlyList<(string Type, string Data)>> ReadAsync(string connectionString, string subjectId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select type, data::text from privacy.mt_events where stream_id = $1 order by version", connection);
        command.Parameters.AddWithValue(subjectId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    public static async Task<string> AllTextAsync(string connectionString, string subjectId) =>
        string.Join('\n', (await ReadAsync(connectionString, subjectId)).Select(r => r.Data));
}

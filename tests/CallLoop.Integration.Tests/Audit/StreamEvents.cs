using Npgsql;

namespace CallLoop.Integration.Tests.Audit;

/// <summary>Reads one subject's stream rows directly, to prove what a read appended (or did not).</summary>
internal static class StreamEvents
{
    public static async Task<IReadOnlyList<string>> TypesAsync(string connectionString, string subjectId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select type from privacy.mt_events where stream_id = @id order by version", connection);
        command.Parameters.AddWithValue("id", subjectId);
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    public static async Task<int> AccessRecordsAsync(string connectionString, string subjectId) =>
        (await TypesAsync(connectionString, subjectId)).Count(t => t == "personal_data_accessed");
}

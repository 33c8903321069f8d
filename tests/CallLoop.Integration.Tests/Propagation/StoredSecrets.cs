using Npgsql;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>What the recipient registry holds for a processor's signing secret, read straight from its table.</summary>
internal static class StoredSecrets
{
    public static async Task<(string? Secret, string? Hint)> ReadAsync(string connectionString, string processor)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data ->> 'signingSecret', data ->> 'signingSecretHint' from privacy.mt_doc_recipient where id = $1", connection);
        command.Parameters.AddWithValue(processor);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no registry row for processor '{processor}'");
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>A secret no other text in the database could contain by chance.</summary>
    public static string Distinctive(string kind) => $"{kind}-{Guid.NewGuid():N}-signing-secret";
}

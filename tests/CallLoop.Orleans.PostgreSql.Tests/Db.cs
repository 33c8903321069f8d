using Npgsql;

namespace CallLoop.Orleans.PostgreSql.Tests;

internal static class Db
{
    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Bind(dataSource.CreateCommand(sql), parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Bind(dataSource.CreateCommand(sql), parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<object[]>> RowsAsync(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Bind(dataSource.CreateCommand(sql), parameters);
        return await RowsAsync(command);
    }

    /// <summary>The rows of <paramref name="sql"/> run inside <paramref name="transaction"/>, on its connection.</summary>
    public static async Task<List<object[]>> RowsAsync(NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Bind(new NpgsqlCommand(sql, transaction.Connection, transaction), parameters);
        return await RowsAsync(command);
    }

    private static NpgsqlCommand Bind(NpgsqlCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<List<object[]>> RowsAsync(NpgsqlCommand command)
    {
        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}

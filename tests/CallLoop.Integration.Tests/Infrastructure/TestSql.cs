using System.Globalization;
using Npgsql;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>
/// One statement on a connection of its own, for tests that read or change tables directly, with at most one
/// parameter (<c>$1</c>; an array is one parameter, for <c>= any($1)</c>).
/// </summary>
internal static class TestSql
{
    /// <summary>Runs the statement; the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(string connectionString, string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameter);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, as a number (a count, a sequence number).</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object? parameter)
    {
        var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return command;
    }
}

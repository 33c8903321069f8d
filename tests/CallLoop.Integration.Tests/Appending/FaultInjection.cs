using Npgsql;

namespace CallLoop.Integration.Tests.Appending;

/// <summary>Watches and breaks the writer's PostgreSQL backends from a connection of the test's own.</summary>
internal static class FaultInjection
{
    /// <summary>
    /// Waits until some other backend of this database is blocked on a lock; fails at once, with what became of it,
    /// when <paramref name="work"/> (the work expected to block) ends first.
    /// </summary>
    public static async Task<int> WaitForLockWaitAsync(string connectionString, Task? work = null, Func<string>? outcome = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (work is { IsCompleted: true })
            {
                throw new InvalidOperationException($"The work ended before any backend waited on a lock: {work.Status}; {outcome?.Invoke()}", work.Exception);
            }

            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' LIMIT 1",
                connection);
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("No backend of the writer came to wait on a lock.");
    }

    /// <summary>Terminates every backend of this database that is inside a statement or a transaction.</summary>
    public static async Task<int> TerminateBusyBackendsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')
            """,
            connection);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task TerminateAsync(string connectionString, int pid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
        command.Parameters.AddWithValue("pid", pid);
        await command.ExecuteScalarAsync();
    }
}

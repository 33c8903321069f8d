using CallLoop.Testing;
using Npgsql;

namespace CallLoop.Integration.Tests.Infrastructure;

internal static class TestDatabases
{
    /// <summary>
    /// A fresh database whose sessions commit without waiting for the WAL flush: commits stay atomic and
    /// ordered (every guarantee the tests check), only a crash of the test server could lose the last ones.
    /// </summary>
    public static async Task<string> CreateAsync(string prefix)
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync(prefix);
        return new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=off" }.ConnectionString;
    }
}

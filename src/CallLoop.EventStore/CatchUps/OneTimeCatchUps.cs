using CallLoop.EventStore.Configuration;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace CallLoop.EventStore.CatchUps;

/// <summary>
/// Work that brings what is stored into line with a newer version of the code once per database (history written
/// before a table or a field existed). Each catch-up is named; once it completes, its row in <c>catch_ups</c> makes
/// every later start a single lookup. Silos starting together take turns on an advisory lock held on one connection
/// (no transaction stays open during the work), so the second finds the first's row; a silo that dies in the middle
/// leaves no row and the next start does it again, so every catch-up must be idempotent.
/// </summary>
public sealed class OneTimeCatchUps(NpgsqlDataSource db)
{
    public const string Table = "catch_ups";

    private static string Qualified => $"{PrivacyEventStoreExtensions.SchemaName}.{Table}";

    public static Table CatchUpsTable()
    {
        var table = new Table(Qualified);
        table.AddColumn<string>("name").AsPrimaryKey();
        table.AddColumn("completed_at", "timestamptz").NotNull();
        return table;
    }

    /// <summary>Runs <paramref name="work"/> unless catch-up <paramref name="name"/> completed before; answers whether it ran.</summary>
    public async Task<bool> RunOnceAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "select pg_advisory_lock(hashtext(@value))", LockKey(name), cancellationToken);
        try
        {
            await using (var done = new NpgsqlCommand($"select exists (select 1 from {Qualified} where name = @name)", connection))
            {
                done.Parameters.AddWithValue("name", name);
                if ((bool)(await done.ExecuteScalarAsync(cancellationToken))!)
                {
                    return false;
                }
            }

            await work(cancellationToken);
            await ExecuteAsync(connection, $"insert into {Qualified} (name, completed_at) values (@value, now()) on conflict (name) do nothing", name, cancellationToken);
            return true;
        }
        finally
        {
            // Not cancelled: the lock must go back even when the start is abandoned (closing the connection would not
            // release it, the pool keeps the session).
            await ExecuteAsync(connection, "select pg_advisory_unlock(hashtext(@value))", LockKey(name), CancellationToken.None);
        }
    }

    private static string LockKey(string name) => $"callloop.catch-up.{name}";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

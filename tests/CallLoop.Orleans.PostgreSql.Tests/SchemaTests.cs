using System.Text.RegularExpressions;
using CallLoop.Testing;
using Npgsql;

namespace CallLoop.Orleans.PostgreSql.Tests;

public sealed partial class SchemaTests
{
    /// <summary>
    /// Every key the Orleans 10.4.2 ADO.NET providers read, with exactly the parameters they bind
    /// (Orleans.Clustering.AdoNet / Persistence.AdoNet / Reminders.AdoNet: DbStoredQueries.Columns and
    /// AdoNetGrainStorage) and Streaming.AdoNet 10.4.2-alpha.1 (RelationalOrleansQueries: its release of unconfirmed
    /// messages reuses ConfirmStreamMessagesKey with negative receipts). CleanupDefunctSiloEntryKey and DeleteStorageKey
    /// are optional for Orleans.
    /// </summary>
    private static readonly Dictionary<string, string[]> Contract = new()
    {
        ["GatewaysQueryKey"] = ["DeploymentId", "Status"],
        ["MembershipReadRowKey"] = ["DeploymentId", "Address", "Port", "Generation"],
        ["MembershipReadAllKey"] = ["DeploymentId"],
        ["InsertMembershipVersionKey"] = ["DeploymentId"],
        ["UpdateIAmAlivetimeKey"] = ["DeploymentId", "Address", "Port", "Generation", "IAmAliveTime"],
        ["InsertMembershipKey"] = ["DeploymentId", "Address", "Port", "Generation", "SiloName", "HostName", "Status", "ProxyPort", "StartTime", "IAmAliveTime", "Version"],
        ["UpdateMembershipKey"] = ["DeploymentId", "Address", "Port", "Generation", "Status", "SuspectTimes", "IAmAliveTime", "Version"],
        ["DeleteMembershipTableEntriesKey"] = ["DeploymentId"],
        ["CleanupDefunctSiloEntriesKey"] = ["DeploymentId", "IAmAliveTime"],
        ["CleanupDefunctSiloEntryKey"] = ["DeploymentId", "Address", "Port", "Generation", "StartTime", "IAmAliveTime", "SuspectTimes"],
        ["ReadFromStorageKey"] = ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId"],
        ["WriteToStorageKey"] = ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId", "GrainStateVersion", "PayloadBinary"],
        ["ClearStorageKey"] = ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId", "GrainStateVersion"],
        ["DeleteStorageKey"] = ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId", "GrainStateVersion"],
        ["UpsertReminderRowKey"] = ["ServiceId", "GrainHash", "GrainId", "ReminderName", "StartTime", "Period"],
        ["ReadReminderRowsKey"] = ["ServiceId", "GrainId"],
        ["ReadReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName"],
        ["ReadRangeRows1Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadRangeRows2Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["DeleteReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName", "Version"],
        ["DeleteReminderRowsKey"] = ["ServiceId"],
        ["QueueStreamMessageKey"] = ["ServiceId", "ProviderId", "QueueId", "Payload", "ExpiryTimeout"],
        ["GetStreamMessagesKey"] = ["ServiceId", "ProviderId", "QueueId", "MaxCount", "MaxAttempts", "VisibilityTimeout", "RemovalTimeout", "EvictionInterval", "EvictionBatchSize"],
        ["ConfirmStreamMessagesKey"] = ["ServiceId", "ProviderId", "QueueId", "Items"],
        ["FailStreamMessageKey"] = ["ServiceId", "ProviderId", "QueueId", "MessageId", "MaxAttempts", "RemovalTimeout"],
        ["EvictStreamMessagesKey"] = ["ServiceId", "ProviderId", "QueueId", "MaxCount", "MaxAttempts", "RemovalTimeout"],
        ["EvictStreamDeadLettersKey"] = ["ServiceId", "ProviderId", "QueueId", "MaxCount"],
    };

    private static readonly string[] Tables =
        [
            "orleansquery", "orleansmembershipversiontable", "orleansmembershiptable", "orleansstorage", "orleansreminderstable",
            "orleansstreammessage", "orleansstreamdeadletter", "orleansstreamcontrol",
        ];

    [Fact]
    public void Scripts_are_embedded_in_order()
    {
        var names = OrleansPostgresSchema.ScriptNames;
        Assert.Equal(5, names.Count);
        Assert.EndsWith("01-Main.sql", names[0], StringComparison.Ordinal);
        Assert.EndsWith("02-Clustering.sql", names[1], StringComparison.Ordinal);
        Assert.EndsWith("03-Persistence.sql", names[2], StringComparison.Ordinal);
        Assert.EndsWith("04-Reminders.sql", names[3], StringComparison.Ordinal);
        Assert.EndsWith("05-Streaming.sql", names[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_twice_is_idempotent_keeps_data_and_upgrades_query_text()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("orleans_schema");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await OrleansPostgresSchema.ApplyAsync(dataSource);
        await AssertInstalledAsync(dataSource);

        // Data written in between survives; an edited (outdated) query text is replaced.
        await ExecuteAsync(dataSource, "INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('kept')");
        await ExecuteAsync(dataSource, "UPDATE OrleansQuery SET QueryText = 'outdated' WHERE QueryKey = 'GatewaysQueryKey'");

        await OrleansPostgresSchema.ApplyAsync(connectionString);
        await OrleansPostgresSchema.ApplyAsync(dataSource);

        await AssertInstalledAsync(dataSource);
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = 'kept'"));
        Assert.Contains("ProxyPort > 0", await ScalarAsync<string>(dataSource, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_concurrently_from_three_tasks_succeeds()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("orleans_schema_concurrent");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        using var start = new Barrier(3);
        var tasks = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            // Mix both overloads: separate data sources/pools, so the three really race on the server.
            if (i == 0)
            {
                await OrleansPostgresSchema.ApplyAsync(dataSource);
            }
            else
            {
                await OrleansPostgresSchema.ApplyAsync(connectionString);
            }
        }));
        await Task.WhenAll(tasks);

        await AssertInstalledAsync(dataSource);
    }

    private static async Task AssertInstalledAsync(NpgsqlDataSource dataSource)
    {
        foreach (var table in Tables)
        {
            Assert.Equal(1L, await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '{table}'"));
        }

        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT QueryKey, QueryText FROM OrleansQuery"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                queries.Add(reader.GetString(0), reader.GetString(1));
            }
        }

        Assert.Equal(Contract.Keys.Order(StringComparer.Ordinal), queries.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, parameters) in Contract)
        {
            var used = Placeholder().Matches(queries[key]).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
            Assert.True(
                parameters.Order(StringComparer.Ordinal).SequenceEqual(used),
                $"{key} binds [{string.Join(", ", used)}], Orleans passes [{string.Join(", ", parameters)}]");
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Placeholder();
}

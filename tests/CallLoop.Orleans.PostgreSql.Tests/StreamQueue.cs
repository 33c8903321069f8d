using Npgsql;

namespace CallLoop.Orleans.PostgreSql.Tests;

/// <summary>Runs the stored streaming queries the way Orleans' ADO.NET stream provider does: by key, with its parameter names.</summary>
internal sealed class StreamQueue(NpgsqlDataSource dataSource, string serviceId)
{
    private const string Provider = "provider";
    private const string Queue = "queue-0";

    public string ServiceId => serviceId;

    public async Task<long> QueueAsync(byte[] payload)
    {
        var rows = await RunAsync("QueueStreamMessageKey", ("Payload", payload), ("ExpiryTimeout", 3600));
        return (long)Assert.Single(rows)[3];
    }

    public async Task<List<(long MessageId, int Dequeued)>> GetAsync(int maxCount, int visibilitySeconds)
    {
        var rows = await RunAsync(
            "GetStreamMessagesKey",
            ("MaxCount", maxCount),
            ("MaxAttempts", 10),
            ("VisibilityTimeout", visibilitySeconds),
            ("RemovalTimeout", 3600),
            ("EvictionInterval", 60),
            ("EvictionBatchSize", 100));
        return rows.Select(r => ((long)r[3], (int)r[4])).OrderBy(r => r.Item1).ToList();
    }

    public async Task<List<long>> ConfirmAsync(string items) =>
        (await RunAsync("ConfirmStreamMessagesKey", ("Items", items))).Select(r => (long)r[3]).Order().ToList();

    public Task FailAsync(long messageId, int maxAttempts) =>
        RunAsync("FailStreamMessageKey", ("MessageId", messageId), ("MaxAttempts", maxAttempts), ("RemovalTimeout", 3600));

    /// <summary>
    /// Queues a message, dequeues it and confirms it, each in a transaction of its own on one connection, and returns
    /// <c>synchronous_commit</c> as each query left it inside its transaction and as it is once that transaction committed.
    /// </summary>
    public async Task<List<(string Key, string Inside, string After)>> SynchronousCommitAroundWritesAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        List<(string Key, string Inside, string After)> seen = [];
        var queued = await RunInTransactionAsync(connection, seen, "QueueStreamMessageKey", ("Payload", new byte[] { 1 }), ("ExpiryTimeout", 3600));
        var messageId = (long)Assert.Single(queued)[3];
        var dequeued = await RunInTransactionAsync(
            connection, seen, "GetStreamMessagesKey",
            ("MaxCount", 10), ("MaxAttempts", 10), ("VisibilityTimeout", 60), ("RemovalTimeout", 3600), ("EvictionInterval", 60), ("EvictionBatchSize", 100));
        Assert.Equal(messageId, (long)Assert.Single(dequeued)[3]);
        var confirmed = await RunInTransactionAsync(connection, seen, "ConfirmStreamMessagesKey", ("Items", $"{messageId}:1"));
        Assert.Equal(messageId, (long)Assert.Single(confirmed)[3]);
        return seen;
    }

    private async Task<List<object[]>> RunInTransactionAsync(
        NpgsqlConnection connection, List<(string Key, string Inside, string After)> seen, string key, params (string Name, object Value)[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = await Db.RowsAsync(transaction, await QueryTextAsync(key), [.. Common, .. parameters]);
        var inside = await SynchronousCommitAsync(connection, transaction);
        await transaction.CommitAsync();
        seen.Add((key, inside, await SynchronousCommitAsync(connection, null)));
        return rows;
    }

    private static async Task<string> SynchronousCommitAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('synchronous_commit')", connection, transaction);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private Task<string> QueryTextAsync(string key) =>
        Db.ScalarAsync<string>(dataSource, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("k", key));

    private (string Name, object Value)[] Common => [("ServiceId", serviceId), ("ProviderId", Provider), ("QueueId", Queue)];

    private async Task<List<object[]>> RunAsync(string key, params (string Name, object Value)[] parameters) =>
        await Db.RowsAsync(dataSource, await QueryTextAsync(key), [.. Common, .. parameters]);
}

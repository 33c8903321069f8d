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

    private async Task<List<object[]>> RunAsync(string key, params (string Name, object Value)[] parameters)
    {
        var text = await Db.ScalarAsync<string>(dataSource, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("k", key));
        return await Db.RowsAsync(dataSource, text, [("ServiceId", serviceId), ("ProviderId", Provider), ("QueueId", Queue), .. parameters]);
    }
}

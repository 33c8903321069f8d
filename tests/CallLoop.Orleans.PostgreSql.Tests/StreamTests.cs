using Orleans.Runtime;

namespace CallLoop.Orleans.PostgreSql.Tests;

public sealed class StreamFixture : IAsyncLifetime
{
    public OrleansPostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await OrleansPostgresCluster.StartAsync("orleans_streams", siloCount: 2, withClient: true);

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

public sealed class StreamTests(StreamFixture fixture) : IClassFixture<StreamFixture>
{
    private OrleansPostgresCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Batches_published_by_a_client_reach_implicit_subscribers_in_order_and_are_then_confirmed_away()
    {
        var keys = Enumerable.Range(0, 6).Select(i => $"stream-{i}-{Guid.NewGuid():N}").ToArray();
        var provider = Cluster.Client.GetStreamProvider(OrleansPostgresCluster.StreamProviderName);

        await Task.WhenAll(keys.Select(async key =>
        {
            var stream = provider.GetStream<int>(StreamId.Create(StreamProbeGrain.Namespace, key));
            for (var i = 0; i < 20; i += 4)
            {
                await stream.OnNextBatchAsync([i, i + 1, i + 2, i + 3]);
            }
        }));

        foreach (var key in keys)
        {
            await Wait.UntilAsync(() => Task.FromResult(StreamProbeGrain.For(key).Length >= 20), TimeSpan.FromSeconds(30), $"20 items on {key}");
            Assert.Equal(Enumerable.Range(0, 20), StreamProbeGrain.For(key));
        }

        // Delivered batches are confirmed (deleted); nothing was dead-lettered.
        await Wait.UntilAsync(
            async () => await Db.ScalarAsync<long>(Cluster.DataSource, "SELECT count(*) FROM OrleansStreamMessage WHERE ServiceId = @s", ("s", Cluster.ServiceId)) == 0,
            TimeSpan.FromSeconds(30),
            "the queue table to empty");
        Assert.Equal(0L, await Db.ScalarAsync<long>(Cluster.DataSource, "SELECT count(*) FROM OrleansStreamDeadLetter WHERE ServiceId = @s", ("s", Cluster.ServiceId)));
    }

    [Fact]
    public async Task Queue_writes_commit_without_waiting_for_a_WAL_flush_of_their_own_and_only_inside_their_transaction()
    {
        var queue = new StreamQueue(Cluster.DataSource, $"sql-{Guid.NewGuid():N}");

        var seen = await queue.SynchronousCommitAroundWritesAsync();

        Assert.Equal(["QueueStreamMessageKey", "GetStreamMessagesKey", "ConfirmStreamMessagesKey"], seen.Select(s => s.Key));
        Assert.All(seen, s => Assert.Equal(("off", "on"), (s.Inside, s.After)));
    }

    [Fact]
    public async Task Queue_queries_hide_dequeued_messages_redeliver_unconfirmed_ones_and_honour_receipts()
    {
        var queue = new StreamQueue(Cluster.DataSource, $"sql-{Guid.NewGuid():N}");
        var first = await queue.QueueAsync([1]);
        var second = await queue.QueueAsync([2]);
        var third = await queue.QueueAsync([3]);

        // Dequeued in order, then hidden from the next read.
        Assert.Equal([(first, 1), (second, 1)], await queue.GetAsync(maxCount: 2, visibilitySeconds: 60));
        Assert.Equal([(third, 1)], await queue.GetAsync(maxCount: 10, visibilitySeconds: 1));

        // A receipt that does not match the dequeue count confirms nothing; the right one deletes the row.
        Assert.Empty(await queue.ConfirmAsync($"{first}:2"));
        Assert.Equal([first], await queue.ConfirmAsync($"{first}:1"));

        // Released (negative receipt): visible again at once, for the queue's next owner.
        Assert.Equal([second], await queue.ConfirmAsync($"{second}:-1"));

        // The holder of the third died: after its visibility timeout the message comes back, and the dead
        // holder's late confirmation no longer matches.
        await Wait.UntilAsync(
            () => Db.ScalarAsync<bool>(Cluster.DataSource, "SELECT VisibleOn <= now() FROM OrleansStreamMessage WHERE ServiceId = @s AND MessageId = @m", ("s", queue.ServiceId), ("m", third)),
            TimeSpan.FromSeconds(10),
            "the third message's visibility timeout to pass");
        Assert.Equal([(second, 2), (third, 2)], await queue.GetAsync(maxCount: 10, visibilitySeconds: 60));
        Assert.Empty(await queue.ConfirmAsync($"{third}:1"));

        // A failed delivery with attempts left is offered again; out of attempts it becomes a dead letter.
        await queue.FailAsync(second, maxAttempts: 5);
        Assert.Equal([(second, 3)], await queue.GetAsync(maxCount: 10, visibilitySeconds: 60));
        await queue.FailAsync(second, maxAttempts: 3);
        Assert.Equal(1L, await Db.ScalarAsync<long>(Cluster.DataSource, "SELECT count(*) FROM OrleansStreamDeadLetter WHERE ServiceId = @s AND MessageId = @m", ("s", queue.ServiceId), ("m", second)));
        Assert.Equal([third], await queue.ConfirmAsync($"{second}:3|{third}:2"));
        Assert.Equal(0L, await Db.ScalarAsync<long>(Cluster.DataSource, "SELECT count(*) FROM OrleansStreamMessage WHERE ServiceId = @s", ("s", queue.ServiceId)));
    }
}

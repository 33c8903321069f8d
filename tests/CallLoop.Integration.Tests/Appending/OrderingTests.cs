using CallLoop.EventStore.Appending;
using Marten;

namespace CallLoop.Integration.Tests.Appending;

[Collection(EventStoreCollection.Name)]
public sealed class OrderingTests(EventStoreFixture fixture)
{
    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_appends_to_the_same_streams_queued_without_waiting_Then_each_stream_stores_them_in_order(GroupCommitPath path)
    {
        var prefix = Marked.NewPrefix();
        var streams = Enumerable.Range(0, 40).Select(i => $"{prefix}{i}").ToArray();
        await using var writer = fixture.NewWriter(new GroupCommitOptions { Path = path, MaxBatchSize = 50 });

        // Each stream's appends are chained on the versions their predecessors will produce, and handed over at once:
        // they may land in one batch or several, but only in this order.
        var appends = new List<Task>();
        for (var n = 0; n < 15; n++)
        {
            appends.AddRange(streams.Select(stream => writer.AppendAsync(Marked.Append(stream, n, $"{stream}/{n + 1}"))));
        }

        await Task.WhenAll(appends);

        var stored = await Marked.StoredAsync(fixture.DataSource, prefix);
        await using var session = fixture.Store.QuerySession();
        foreach (var stream in streams)
        {
            for (var version = 1L; version <= 15; version++)
            {
                Assert.Equal((stream, version), Assert.Single(stored[$"{stream}/{version}"]));
            }

            // Marten reads the group-committed stream as its own: stream row and events agree.
            Assert.Equal(15, (await session.Events.FetchStreamStateAsync(stream))!.Version);
            Assert.Equal(Enumerable.Range(1, 15).Select(v => (long)v), (await session.Events.FetchStreamAsync(stream)).Select(e => e.Version));
        }
    }

    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_an_append_with_headers_and_a_document_Then_both_are_committed_with_its_events(GroupCommitPath path)
    {
        var stream = Marked.NewPrefix() + "doc";
        await using var writer = fixture.NewWriter(new GroupCommitOptions { Path = path });

        await writer.AppendAsync(Marked.Append(stream, 0, $"{stream}/1") with
        {
            Headers = new Dictionary<string, object> { ["actor"] = "agent-7" },
            Documents = [new AppendProbe { Id = stream, Note = "with the events" }],
        });

        await using var session = fixture.Store.QuerySession();
        var stored = Assert.Single(await session.Events.FetchStreamAsync(stream));
        Assert.Equal("agent-7", stored.GetHeader("actor")?.ToString());
        Assert.Equal("with the events", (await session.LoadAsync<AppendProbe>(stream))?.Note);
    }
}

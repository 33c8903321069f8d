using System.Diagnostics;
using CallLoop.EventStore.Appending;
using Npgsql;

namespace CallLoop.Integration.Tests.Appending;

[Collection(EventStoreCollection.Name)]
public sealed class RowShapeTests(EventStoreFixture fixture)
{
    private const string EventColumns =
        "version, type, mt_dotnet_type, tenant_id, is_archived, headers::text, data::text, causation_id, correlation_id, bdata IS NULL, timestamp IS NOT NULL";

    private const string StreamColumns = "type, version, tenant_id, is_archived, compacted_version";

    [Fact]
    public async Task Given_the_same_appends_When_written_set_based_Then_the_rows_are_those_Marten_writes_itself()
    {
        var prefix = Marked.NewPrefix();
        var (bySession, bySet) = ($"{prefix}session", $"{prefix}set");
        var events = new[] { Marked.Event("a"), Marked.Event("b"), Marked.Event("c"), Marked.Event("d") };
        var headers = new Dictionary<string, object> { ["actor"] = "agent-7" };

        foreach (var (stream, path) in new[] { (bySession, GroupCommitPath.MartenSession), (bySet, GroupCommitPath.SetBased) })
        {
            await using var writer = fixture.NewWriter(new GroupCommitOptions { Path = path });
            await writer.AppendAsync(new StreamAppend(stream, 0, [events[0], events[1]]) { Headers = headers });
            await Task.WhenAll(
                writer.AppendAsync(new StreamAppend(stream, 2, [events[2]])),
                writer.AppendAsync(new StreamAppend(stream, 3, [events[3]]) { Headers = headers }));
        }

        Assert.Equal(await RowsAsync("mt_events", EventColumns, bySession, "stream_id", "version"), await RowsAsync("mt_events", EventColumns, bySet, "stream_id", "version"));
        Assert.Equal(await RowsAsync("mt_streams", StreamColumns, bySession, "id", "id"), await RowsAsync("mt_streams", StreamColumns, bySet, "id", "id"));

        await using var session = fixture.Store.QuerySession();
        var read = await session.Events.FetchStreamAsync(bySet);
        Assert.Equal(["a", "b", "c", "d"], read.Select(e => ((CallLoop.Domain.ConsentGranted)e.Data).NoticeVersion));
        Assert.True(read.Zip(read.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
        Assert.Equal("agent-7", read[3].GetHeader("actor")?.ToString());
    }

    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_appends_made_inside_a_trace_When_committed_by_the_writer_Then_their_events_carry_the_causation_and_correlation_ids_Marten_stamps_itself(GroupCommitPath path)
    {
        var prefix = Marked.NewPrefix();
        var (byMarten, byWriter) = ($"{prefix}marten", $"{prefix}writer");

        // Created outside the trace, as the silo's writer is: its lanes must not lend their own context to the events.
        await using var writer = fixture.NewWriter(new GroupCommitOptions { Path = path });
        using (var request = new Activity("http-request").Start())
        using (var command = new Activity("grain-call").Start())
        {
            await using (var session = fixture.Store.LightweightSession())
            {
                session.Events.StartStream(byMarten, Marked.Event("a"));
                await session.SaveChangesAsync();
            }

            await writer.AppendAsync(new StreamAppend(byWriter, 0, [Marked.Event("b"), Marked.Event("c")]));
            Assert.Equal([$"{command.ParentId} | {request.RootId}"], await RowsAsync("mt_events", "causation_id, correlation_id", byMarten, "stream_id", "version"));
        }

        var marten = Assert.Single(await RowsAsync("mt_events", "causation_id, correlation_id", byMarten, "stream_id", "version"));
        Assert.Equal([marten, marten], await RowsAsync("mt_events", "causation_id, correlation_id", byWriter, "stream_id", "version"));
    }

    private async Task<List<string>> RowsAsync(string table, string columns, string stream, string key, string order)
    {
        await using var command = fixture.DataSource.CreateCommand($"SELECT {columns} FROM privacy.{table} WHERE {key} = @stream ORDER BY {order}");
        command.Parameters.Add(new NpgsqlParameter("stream", stream));
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        Assert.NotEmpty(rows);
        return rows;
    }
}

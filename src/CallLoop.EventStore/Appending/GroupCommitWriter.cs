using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// The silo's one writer of event streams: appends handed over by many grains are gathered into one PostgreSQL
/// transaction per batch (group commit). Each append's task completes only after its batch committed; a version
/// conflict fails only its own append; a database failure fails every append of its batch and acknowledges none.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly GroupCommitOptions options;
    private readonly NpgsqlDataSource dataSource;
    private readonly LaneConnection.Failures laneFailures = new();
    private readonly BatchCommitter committer;
    private readonly Channel<PendingAppend>[] lanes;
    private readonly Task[] loops;

    public GroupCommitWriter(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<GroupCommitOptions> options, ILogger<GroupCommitWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.dataSource = dataSource;
        committer = new BatchCommitter(store, dataSource, this.options, logger);
        lanes = Enumerable.Range(0, Math.Max(1, this.options.Lanes))
            .Select(_ => Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
        loops = lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader))).ToArray();
    }

    /// <summary>Completes once the append is committed; throws if it was not (conflict or database failure).</summary>
    public Task AppendAsync(StreamAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        cancellationToken.ThrowIfCancellationRequested();
        if (append.Events.Count == 0 && append.Documents is not { Count: > 0 })
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAppend(append);
        var lane = lanes[(uint)StringComparer.Ordinal.GetHashCode(append.StreamId) % (uint)lanes.Length];
        if (!lane.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return pending.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task RunLaneAsync(ChannelReader<PendingAppend> reader)
    {
        await using var connection = new LaneConnection(dataSource, laneFailures, options.IdleCheckAfter);
        var batch = new List<PendingAppend>(options.MaxBatchSize);
        var underLoad = false;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(reader, batch);
            if (underLoad && batch.Count < options.MaxBatchSize && options.MaxDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.MaxDelay).ConfigureAwait(false);
                Drain(reader, batch);
            }

            underLoad = batch.Count > 1;
            await committer.CommitAsync(batch.ToArray(), connection).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private void Drain(ChannelReader<PendingAppend> reader, List<PendingAppend> batch)
    {
        while (batch.Count < options.MaxBatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }
}

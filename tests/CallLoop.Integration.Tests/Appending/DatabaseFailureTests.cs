using System.Collections.Concurrent;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Subjects;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallLoop.Integration.Tests.Appending;

[Collection(EventStoreCollection.Name)]
public sealed class DatabaseFailureTests(EventStoreFixture fixture)
{
    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_a_batch_in_flight_When_its_backend_is_terminated_Then_every_append_of_the_batch_fails_and_none_is_stored(GroupCommitPath path)
    {
        var prefix = Marked.NewPrefix();
        var victim = $"{prefix}victim";
        await using (var writer = fixture.NewWriter(new GroupCommitOptions { Path = path }))
        {
            await writer.AppendAsync(Marked.Append(victim, 0, $"{victim}/1"));
        }

        // Hold the victim's stream row so that the batch stops in the middle of its transaction.
        await using var blocker = await fixture.DataSource.OpenConnectionAsync();
        await using var blockerTransaction = await blocker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM privacy.mt_streams WHERE id = @id FOR UPDATE", blocker, blockerTransaction))
        {
            hold.Parameters.AddWithValue("id", victim);
            await hold.ExecuteScalarAsync();
        }

        var batch = new[] { new PendingAppend(Marked.Append(victim, 1, $"{victim}/2")) }
            .Concat(Enumerable.Range(0, 5).Select(i => new PendingAppend(Marked.Append($"{prefix}{i}", 0, $"{prefix}{i}/1"))))
            .ToArray();
        await using var committer = fixture.NewCommitter(path);
        var committing = committer.CommitAsync(batch);
        var writerBackend = await FaultInjection.WaitForLockWaitAsync(fixture.ConnectionString, committing, () => Outcomes(batch));
        await FaultInjection.TerminateAsync(fixture.ConnectionString, writerBackend);
        await committing;
        await blockerTransaction.RollbackAsync();

        foreach (var pending in batch)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => pending.Completion);
            Assert.IsNotType<StreamVersionConflictException>(error);
        }

        var stored = await Marked.StoredAsync(fixture.DataSource, prefix);
        Assert.Single(stored[$"{victim}/1"]);
        Assert.Equal(1, stored.Sum(g => g.Count()));
    }

    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_backends_terminated_again_and_again_under_load_Then_every_acknowledged_event_is_stored_once_and_every_failed_one_is_absent(GroupCommitPath path)
    {
        var prefix = Marked.NewPrefix();
        var acknowledged = new ConcurrentBag<string>();
        var failed = new ConcurrentBag<string>();
        var conflicts = 0;
        using var stop = new CancellationTokenSource();

        var writer = fixture.NewWriter(new GroupCommitOptions { Path = path, Lanes = 2, MaxBatchSize = 64 });
        try
        {
            var killer = Task.Run(async () =>
            {
                await using var connection = new NpgsqlConnection(fixture.ConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                while (!stop.IsCancellationRequested)
                {
                    // Break a batch, then let a few through: with inline projections a batch's transaction is long,
                    // and a killer that never pauses would fail every one of them.
                    if (await FaultInjection.TerminateBusyBackendsAsync(connection) > 0)
                    {
                        await Task.Delay(100);
                    }

                    await Task.Delay(5);
                }
            });

            var streams = Enumerable.Range(0, 24).Select(async s =>
            {
                var stream = $"{prefix}{s}";
                long version = 0;
                // At least 25 appends each, and on until the killer has broken a few batches (or time is up).
                var deadline = DateTime.UtcNow.AddSeconds(60);
                for (var n = 0; n < 25 || (failed.Count < 5 && DateTime.UtcNow < deadline); n++)
                {
                    var marker = $"{stream}/{n}";
                    try
                    {
                        await writer.AppendAsync(Marked.Append(stream, version, marker));
                        version++;
                        acknowledged.Add(marker);
                    }
                    catch (StreamVersionConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                        return;
                    }
                    catch (Exception)
                    {
                        failed.Add(marker);
                    }
                }
            });
            await Task.WhenAll(streams);
            await stop.CancelAsync();
            await killer;
        }
        finally
        {
            // A backend told to end just after its command returned dies idle, in a lane or in the pool, and would
            // fail the next test's first command on it: the lanes hand theirs back, and the pool is emptied.
            await writer.DisposeAsync();
            fixture.DataSource.Clear();
        }

        var stored = await Marked.StoredAsync(fixture.DataSource, prefix);
        Assert.Equal(0, conflicts);
        Assert.NotEmpty(failed);
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, marker => Assert.Single(stored[marker]));
        Assert.All(failed, marker => Assert.Empty(stored[marker]));
        Assert.Equal(acknowledged.Count, stored.Sum(g => g.Count()));
    }

    [Fact]
    public async Task Given_the_lanes_connections_broken_while_idle_When_appends_arrive_Then_each_lane_finds_its_connection_stale_before_its_batch_and_none_fails()
    {
        var (outcomes, stored, streams) = await AppendAfterBackendsEndAsync(idleCheckAfter: TimeSpan.Zero);

        Assert.All(outcomes, Assert.True);
        Assert.All(streams, stream => Assert.Single(stored[$"{stream}/2"]));
    }

    [Fact]
    public async Task Given_the_lanes_connections_broken_while_idle_and_not_checked_When_one_lane_fails_a_batch_Then_every_lane_opens_a_new_one_before_its_next_batch()
    {
        // Without the idle check (a connection can also break between the check and the batch), one batch fails.
        var (outcomes, stored, streams) = await AppendAfterBackendsEndAsync(idleCheckAfter: TimeSpan.FromHours(1));

        Assert.Equal([false, .. Enumerable.Repeat(true, streams.Length - 1)], outcomes);
        Assert.Empty(stored[$"{streams[0]}/2"]);
        Assert.All(streams.Skip(1), stream => Assert.Single(stored[$"{stream}/2"]));
    }

    /// <summary>
    /// A writer on a pool of its own (so that its backends can be told apart from everyone else's) appends once to each
    /// of 12 streams; both lanes' backends are ended while idle (as a server restart ends them); then one append per
    /// stream, in order. Returns whether each of those committed, and what is stored.
    /// </summary>
    private async Task<(List<bool> Outcomes, ILookup<string, (string Stream, long Version)> Stored, string[] Streams)> AppendAfterBackendsEndAsync(TimeSpan idleCheckAfter)
    {
        var application = $"lanes-{Guid.NewGuid():N}";
        await using var dataSource = NpgsqlDataSource.Create($"{fixture.ConnectionString};Application Name={application}");
        await using var writer = new GroupCommitWriter(
            fixture.Store, dataSource, Options.Create(new GroupCommitOptions { Lanes = 2, IdleCheckAfter = idleCheckAfter }), NullLogger<GroupCommitWriter>.Instance);
        var prefix = Marked.NewPrefix();
        var streams = Enumerable.Range(0, 12).Select(i => $"{prefix}{i}").ToArray();
        foreach (var stream in streams)
        {
            await writer.AppendAsync(Marked.Append(stream, 0, $"{stream}/1"));
        }

        await using var observer = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await BackendsAsync(observer, application));
        await using (var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @application", observer))
        {
            terminate.Parameters.AddWithValue("application", application);
            Assert.Equal(2L, await terminate.ExecuteScalarAsync());
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await BackendsAsync(observer, application) > 0)
        {
            await Task.Delay(10, patience.Token);
        }

        var outcomes = new List<bool>();
        foreach (var stream in streams)
        {
            try
            {
                await writer.AppendAsync(Marked.Append(stream, 1, $"{stream}/2"));
                outcomes.Add(true);
            }
            catch (Exception error) when (error is not StreamVersionConflictException)
            {
                outcomes.Add(false);
            }
        }

        return (outcomes, await Marked.StoredAsync(fixture.DataSource, prefix), streams);
    }

    /// <summary>Each append's outcome, by type only (a failure's message may quote a value).</summary>
    private static string Outcomes(IEnumerable<PendingAppend> batch) =>
        string.Join(", ", batch.Select(p => p.Completion.Exception?.InnerException?.GetType().Name ?? p.Completion.Status.ToString()));

    private static async Task<long> BackendsAsync(NpgsqlConnection observer, string application)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @application", observer);
        command.Parameters.AddWithValue("application", application);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

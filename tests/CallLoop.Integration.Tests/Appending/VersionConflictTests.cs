using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Subjects;
using Marten.Services;

namespace CallLoop.Integration.Tests.Appending;

[Collection(EventStoreCollection.Name)]
public sealed class VersionConflictTests(EventStoreFixture fixture)
{
    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_a_batch_When_some_appends_expect_stale_versions_Then_only_those_fail_and_their_neighbours_commit(GroupCommitPath path)
    {
        var prefix = Marked.NewPrefix();
        var streams = Enumerable.Range(0, 10).Select(i => $"{prefix}{i}").ToArray();
        await using var committer = fixture.NewCommitter(path);
        await CommitAsync(committer, streams.Select(s => Marked.Append(s, 0, $"{s}/1")).ToArray());

        var batch = streams.Select((s, i) => new PendingAppend(Marked.Append(s, i == 4 ? 0 : 1, $"{s}/2"))).ToList();
        batch.Add(new PendingAppend(Marked.Append($"{prefix}new", 0, $"{prefix}new/1")));
        batch.Add(new PendingAppend(Marked.Append(streams[7], 2, $"{streams[7]}/3")));
        batch.Add(new PendingAppend(Marked.Append(streams[8], 1, $"{streams[8]}/stale")));

        await committer.CommitAsync(batch);

        var stale = new[] { batch[4], batch[^1] };
        foreach (var pending in batch)
        {
            if (stale.Contains(pending))
            {
                await Assert.ThrowsAsync<StreamVersionConflictException>(() => pending.Completion);
            }
            else
            {
                await pending.Completion;
            }
        }

        var stored = await Marked.StoredAsync(fixture.DataSource, prefix);
        Assert.Empty(stored[$"{streams[4]}/2"]);
        Assert.Empty(stored[$"{streams[8]}/stale"]);
        Assert.Equal((streams[7], 3L), Assert.Single(stored[$"{streams[7]}/3"]));
        Assert.Equal(($"{prefix}new", 1L), Assert.Single(stored[$"{prefix}new/1"]));
        foreach (var stream in streams.Where(s => s != streams[4]))
        {
            Assert.Equal((stream, 2L), Assert.Single(stored[$"{stream}/2"]));
        }
    }

    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_a_batch_whose_first_append_to_a_stream_expects_a_wrong_version_Then_that_append_fails_and_the_one_after_it_commits(GroupCommitPath path)
    {
        // The set-based path writes each stream at the version its first append expects, and must not take a wrong
        // first expectation (behind or ahead of the stream) as the stream's version for the appends after it.
        var prefix = Marked.NewPrefix();
        var (behind, ahead, fresh) = ($"{prefix}behind", $"{prefix}ahead", $"{prefix}fresh");
        await using var committer = fixture.NewCommitter(path);
        await CommitAsync(committer, [Marked.Append(behind, 0, $"{behind}/1"), Marked.Append(ahead, 0, $"{ahead}/1")]);

        var batch = new[]
        {
            new PendingAppend(Marked.Append(behind, 0, $"{behind}/stale")),
            new PendingAppend(Marked.Append(ahead, 3, $"{ahead}/future")),
            new PendingAppend(Marked.Append(fresh, 0, $"{fresh}/1")),
            new PendingAppend(Marked.Append(behind, 1, $"{behind}/2")),
            new PendingAppend(Marked.Append(ahead, 1, $"{ahead}/2")),
            new PendingAppend(Marked.Append(ahead, 2, $"{ahead}/3")),
        };
        await committer.CommitAsync(batch);

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => batch[0].Completion);
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => batch[1].Completion);
        await Task.WhenAll(batch.Skip(2).Select(p => p.Completion));
        var stored = await Marked.StoredAsync(fixture.DataSource, prefix);
        Assert.Empty(stored[$"{behind}/stale"]);
        Assert.Empty(stored[$"{ahead}/future"]);
        Assert.Equal((fresh, 1L), Assert.Single(stored[$"{fresh}/1"]));
        Assert.Equal((behind, 2L), Assert.Single(stored[$"{behind}/2"]));
        Assert.Equal((ahead, 2L), Assert.Single(stored[$"{ahead}/2"]));
        Assert.Equal((ahead, 3L), Assert.Single(stored[$"{ahead}/3"]));
        await using var session = fixture.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamStateAsync(behind))!.Version);
        Assert.Equal(3, (await session.Events.FetchStreamStateAsync(ahead))!.Version);
    }

    [Theory]
    [InlineData(GroupCommitPath.SetBased)]
    [InlineData(GroupCommitPath.MartenSession)]
    public async Task Given_a_stream_started_by_another_writer_while_the_batch_waits_Then_only_the_colliding_start_fails(GroupCommitPath path)
    {
        var prefix = Marked.NewPrefix();
        var contested = $"{prefix}contested";

        // Another writer has started the stream but not committed yet: the batch's check cannot see it.
        await using var other = await fixture.DataSource.OpenConnectionAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await using (var session = fixture.Store.LightweightSession(SessionOptions.ForTransaction(otherTransaction)))
        {
            session.Events.StartStream(contested, Marked.Event($"{contested}/other"));
            await session.SaveChangesAsync();
        }

        var batch = new[] { contested, $"{prefix}a", $"{prefix}b" }
            .Select(s => new PendingAppend(Marked.Append(s, 0, $"{s}/batch")))
            .ToArray();
        await using var committer = fixture.NewCommitter(path);
        var committing = committer.CommitAsync(batch);
        await FaultInjection.WaitForLockWaitAsync(fixture.ConnectionString);
        await otherTransaction.CommitAsync();
        await committing;

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => batch[0].Completion);
        await batch[1].Completion;
        await batch[2].Completion;
        var stored = await Marked.StoredAsync(fixture.DataSource, prefix);
        Assert.Single(stored[$"{contested}/other"]);
        Assert.Empty(stored[$"{contested}/batch"]);
        Assert.Single(stored[$"{prefix}a/batch"]);
        Assert.Single(stored[$"{prefix}b/batch"]);
    }

    private static async Task CommitAsync(EventStoreFixture.LaneCommitter committer, IEnumerable<StreamAppend> appends)
    {
        var batch = appends.Select(a => new PendingAppend(a)).ToArray();
        await committer.CommitAsync(batch);
        await Task.WhenAll(batch.Select(p => p.Completion));
    }
}

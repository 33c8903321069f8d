using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.EventStore.Publication;
using CallLoop.Integration.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Publication;

/// <summary>
/// The group commit takes its events' sequence numbers inside a transaction that may commit late. The daemon must wait
/// for such a commit however long it takes, never skip its gap as stale: its events are still projected and published.
/// </summary>
[Collection(PublicationCollection.Name)]
public sealed class SlowCommitTests(PublicationClusterFixture fixture)
{
    [Fact]
    public async Task Given_a_commit_held_open_past_the_stale_sequence_threshold_When_a_later_commit_lands_Then_the_daemon_waits_and_both_are_projected_and_published()
    {
        var store = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IDocumentStore>();
        var threshold = PublicationSilo.StaleSequenceThreshold;
        var (slow, later) = ($"slow-{Guid.NewGuid():N}", $"later-{Guid.NewGuid():N}");
        var committedBefore = await CountAsync("select coalesce(max(seq_id), 0) from privacy.mt_events");

        // The phone index is written after the events, in the same transaction: locking it from another connection holds
        // the batch open after its sequence numbers were taken.
        await using var blocker = new NpgsqlConnection(fixture.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "lock table privacy.mt_doc_phone_index in share mode", hold);

        var slowCommand = fixture.Grains.GetGrain<IDataSubjectGrain>(slow)
            .ExecuteAsync(new RegisterSubject { SubjectId = slow, Jurisdiction = "OR", Phone = "(555) 010-0001" });
        await Eventually.ReturnsAsync(
            () => CountAsync("select count(*) from pg_locks l join pg_class c on c.oid = l.relation where not l.granted and c.relname = 'mt_doc_phone_index'"),
            n => n > 0,
            TimeSpan.FromSeconds(30),
            "the slow batch to wait for the phone index");
        Assert.False(slowCommand.IsCompleted);

        // Another writer commits after it: the slow batch's sequence numbers are now a gap below a committed event.
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(later, new SubjectRegistered { SubjectId = later, Jurisdiction = "OR", OccurredAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }

        var laterSequence = await CountAsync($"select seq_id from privacy.mt_events where stream_id = '{later}'");
        var stuckFor = await Eventually.ReturnsAsync(
            () => StuckGapAgeAsync(committedBefore, laterSequence),
            age => age > threshold * 3,
            TimeSpan.FromSeconds(60),
            "the daemon to see the gap stuck for three times its stale-sequence threshold");
        Assert.True(stuckFor > threshold);
        Assert.True(await CountAsync("select coalesce(max(last_seq_id), 0) from privacy.mt_event_progression where name = 'HighWaterMark'") < laterSequence);
        Assert.Empty(SubjectEventProbeGrain.HandledFor(later));
        Assert.False(slowCommand.IsCompleted);

        await hold.RollbackAsync();
        var profile = await slowCommand;
        Assert.True(profile.Registered);
        var slowSequence = await CountAsync($"select seq_id from privacy.mt_events where stream_id = '{slow}'");
        Assert.True(slowSequence < laterSequence);

        // Published: the subscriber hears of both subjects, the slow one included.
        foreach (var subjectId in new[] { slow, later })
        {
            var handled = await Eventually.ReturnsAsync(
                () => Task.FromResult(SubjectEventProbeGrain.HandledFor(subjectId)), h => h.Count > 0, TimeSpan.FromSeconds(60), $"{subjectId[..4]} at the subscriber");
            Assert.Equal(1, handled[0].Envelope.Version);
            Assert.IsType<SubjectRegistered>(handled[0].Envelope.Event);
        }

        // Projected: every projection and the publication passed both, and the slow subject's residency fact is there.
        foreach (var name in ProjectionNames.Async.Append(SubjectEventPublication.SubscriptionName))
        {
            await Eventually.ReturnsAsync(
                () => CountAsync($"select coalesce(max(last_seq_id), 0) from privacy.mt_event_progression where name = '{name}:All'"),
                position => position >= laterSequence,
                TimeSpan.FromSeconds(60),
                $"{name} to pass the later commit");
        }

        Assert.Equal(1, await CountAsync($"select count(*) from {ReportTables.Qualified(ExposureTables.ResidencyFacts)} where subject_id = '{slow}'"));
    }

    /// <summary>How long the daemon has seen its high water mark stuck at a gap between the two sequences (zero if not).</summary>
    private async Task<TimeSpan> StuckGapAgeAsync(long from, long below)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select extract(epoch from now() - last_updated)::float8 from privacy.mt_event_progression where name = 'HighWaterStuckGap' and last_seq_id >= $1 and last_seq_id < $2",
            connection);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(below);
        return await command.ExecuteScalarAsync() is double seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }

    private Task<long> CountAsync(string sql) => TestSql.ScalarAsync(fixture.ConnectionString, sql);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}

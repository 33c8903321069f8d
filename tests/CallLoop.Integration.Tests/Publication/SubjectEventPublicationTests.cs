using CallLoop.Contracts.Publication;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;

namespace CallLoop.Integration.Tests.Publication;

[Collection(PublicationCollection.Name)]
public sealed class SubjectEventPublicationTests(PublicationClusterFixture fixture)
{
    [Fact]
    public async Task Given_burst_of_commands_on_many_subjects_When_published_Then_subscribers_handle_every_committed_event_once_in_order()
    {
        var subjects = Enumerable.Range(0, 12).Select(_ => $"pub-{Guid.NewGuid():N}").ToArray();

        await Task.WhenAll(subjects.Select(RunBurstAsync));

        foreach (var subjectId in subjects)
        {
            var history = await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).GetHistoryAsync();
            var handled = await Eventually.ReturnsAsync(
                () => Task.FromResult(SubjectEventProbeGrain.HandledFor(subjectId)),
                h => h.Count >= history.Count,
                TimeSpan.FromSeconds(30),
                "every committed event at the subscriber");

            Assert.Equal(history.Select(h => (h.Version, h.Type)), handled.Select(h => (h.Envelope.Version, h.Envelope.Type)));
            Assert.All(handled, h => Assert.Equal(EnvelopeVerdict.New, h.Verdict));
            Assert.Equal(handled.Select(h => h.Envelope.Sequence).Order(), handled.Select(h => h.Envelope.Sequence));
            Assert.All(handled, h => Assert.Equal(subjectId, h.Envelope.Event.SubjectId));

            // All of a subject's events travel on its one partition stream.
            var partition = SubjectEventStream.PartitionKey(SubjectEventStream.PartitionOf(subjectId, SubjectEventStream.DefaultPartitions));
            Assert.Equal([partition], SubjectEventProbeGrain.PartitionsBySubject[subjectId].Distinct());
        }
    }

    [Fact]
    public void Given_subject_ids_When_partitioned_Then_the_partition_is_stable_and_subjects_spread()
    {
        // Pinned: consumers and tools may compute a subject's partition; the function must never change.
        Assert.Equal(21, SubjectEventStream.PartitionOf("subject-1", 64));
        Assert.Equal(28, SubjectEventStream.PartitionOf("subject-2", 64));
        Assert.Equal(39, SubjectEventStream.PartitionOf("alice", 64));
        Assert.Equal("21", SubjectEventStream.PartitionKey(21));

        var counts = Enumerable.Range(0, 6_400).GroupBy(i => SubjectEventStream.PartitionOf($"subject-{i}", 64)).Select(g => g.Count()).ToArray();
        Assert.Equal(64, counts.Length);
        Assert.All(counts, c => Assert.InRange(c, 50, 150));
    }

    [Fact]
    public void Given_redelivered_and_skipped_envelopes_When_deduplicated_Then_repeats_dropped_and_gaps_reported()
    {
        var deduplicator = new SubjectEventDeduplicator();
        SubjectEventEnvelope At(long sequence, long version) =>
            new("s-1", sequence, version, "opted_out", DateTimeOffset.UnixEpoch, new OptedOut { SubjectId = "s-1" });

        Assert.Equal(EnvelopeVerdict.New, deduplicator.Accept(At(10, 1)));
        Assert.Equal(EnvelopeVerdict.New, deduplicator.Accept(At(14, 2)));
        Assert.Equal(EnvelopeVerdict.Duplicate, deduplicator.Accept(At(10, 1)));
        Assert.Equal(EnvelopeVerdict.Duplicate, deduplicator.Accept(At(14, 2)));
        Assert.Equal(EnvelopeVerdict.NewAfterGap, deduplicator.Accept(At(20, 4)));
        Assert.Equal((20L, 4L), (deduplicator.LastSequence("s-1"), deduplicator.LastVersion("s-1")));
    }

    private async Task RunBurstAsync(string subjectId)
    {
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Phone = "(555) 123-4567" });
        await grain.ExecuteAsync(new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "2025-01" });
        await grain.ExecuteAsync(new ReceiveGpcSignal { SubjectId = subjectId });
        await grain.ExecuteAsync(new ReceiveSmsKeyword { SubjectId = subjectId, Body = "STOP" });
        await grain.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "r-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm });
    }
}

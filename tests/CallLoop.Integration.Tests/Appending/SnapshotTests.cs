using System.Text.Json;
using CallLoop.Domain;
using CallLoop.EventStore.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallLoop.Integration.Tests.Appending;

[Collection(EventStoreCollection.Name)]
public sealed class SnapshotTests(EventStoreFixture fixture)
{
    [Fact]
    public async Task Given_a_long_stream_When_loaded_Then_a_snapshot_is_kept_and_later_loads_match_a_full_replay()
    {
        var subjectId = Marked.NewPrefix() + "long";
        await AppendAsync(subjectId, [new SubjectRegistered { SubjectId = subjectId, Jurisdiction = "CA" }, .. Grants(subjectId, 1, 249)]);

        var first = await LoadAsync(subjectId);
        Assert.Equal(250, first.Version);
        await using (var session = fixture.Store.QuerySession())
        {
            Assert.Equal(250, (await session.LoadAsync<SubjectSnapshot>(subjectId))?.Version);
        }

        await AppendAsync(subjectId, Grants(subjectId, 250, 5));
        var fromSnapshot = await LoadAsync(subjectId);
        Assert.Equal(255, fromSnapshot.Version);
        Assert.Equal(await FullReplayAsync(subjectId), Json(fromSnapshot));
    }

    [Fact]
    public async Task Given_a_snapshot_of_another_shape_When_loaded_Then_it_is_ignored_and_the_stream_is_replayed()
    {
        var subjectId = Marked.NewPrefix() + "shape";
        await AppendAsync(subjectId, [new SubjectRegistered { SubjectId = subjectId, Jurisdiction = "VA" }, .. Grants(subjectId, 1, 3)]);
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Store(new SubjectSnapshot { Id = subjectId, Shape = 99, Version = 4, State = SubjectState.Initial });
            await session.SaveChangesAsync();
        }

        var loaded = await LoadAsync(subjectId);

        Assert.Equal("VA", loaded.Jurisdiction);
        Assert.Equal(await FullReplayAsync(subjectId), Json(loaded));
    }

    private Task<SubjectState> LoadAsync(string subjectId) =>
        SubjectStateLoader.LoadAsync(fixture.Store, subjectId, NullLogger.Instance, CancellationToken.None);

    private async Task<string> FullReplayAsync(string subjectId)
    {
        await using var session = fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(subjectId);
        return Json(SubjectEvolver.Fold(events.Select(e => (SubjectEvent)e.Data)));
    }

    private async Task AppendAsync(string subjectId, IEnumerable<SubjectEvent> events)
    {
        await using var session = fixture.Store.LightweightSession();
        session.Events.Append(subjectId, events.Cast<object>().ToArray());
        await session.SaveChangesAsync();
    }

    private static IEnumerable<SubjectEvent> Grants(string subjectId, int first, int count) =>
        Enumerable.Range(first, count).Select(n => Marked.Event($"notice-{n}") with { SubjectId = subjectId, IdempotencyKey = $"key-{n}" });

    private static string Json(SubjectState state) => JsonSerializer.Serialize(SubjectViews.ToProfile(state), DomainJson.Options) + state.IdempotencyKeys.Count;
}

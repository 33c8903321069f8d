using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Subjects;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Subjects;

[Collection(ClusterCollection.Name)]
public sealed class StreamConcurrencyTests(SubjectClusterFixture fixture)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Given_two_writers_from_the_same_version_When_both_append_Then_exactly_one_commits(int eventsBefore)
    {
        var subjectId = $"race-{Guid.NewGuid():N}";
        var streams = fixture.Streams;
        if (eventsBefore == 1)
        {
            await streams.AppendAsync(subjectId, 0, [Registered(subjectId)], null, CancellationToken.None);
        }

        var writers = Enumerable.Range(0, 2).Select(i => Task.Run(() => streams.AppendAsync(
            subjectId,
            eventsBefore,
            [new OptedOut { SubjectId = subjectId, OccurredAt = DateTimeOffset.UtcNow, Scope = (OptOutScope)i, Method = PreferenceMethod.Request }],
            $"writer-{i}",
            CancellationToken.None)));
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await w;
                return "committed";
            }
            catch (StreamVersionConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(new[] { "committed", "conflict" }, outcomes.Order());
        Assert.Equal(eventsBefore + 1, (await streams.HistoryAsync(subjectId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Given_a_stale_activation_When_it_appends_Then_typed_conflict_nothing_appended_and_a_retry_succeeds()
    {
        var subjectId = $"stale-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.RegisterAsync(new RegisterSubject { Jurisdiction = "CA" });

        // Another writer (say, a duplicate activation after a partition) appends behind the grain's back.
        await fixture.Streams.AppendAsync(subjectId, 1, [new OptedOut { SubjectId = subjectId, OccurredAt = DateTimeOffset.UtcNow, Scope = OptOutScope.Sale, Method = PreferenceMethod.Email }], "other", CancellationToken.None);

        var optOut = new OptOut { Scope = OptOutScope.Profiling, Method = PreferenceMethod.Request };
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => grain.OptOutAsync(optOut));
        Assert.Equal((subjectId, 1L), (conflict.SubjectId, conflict.ExpectedVersion));
        Assert.Equal(2, (await grain.GetHistoryAsync()).Count);

        var retried = await grain.OptOutAsync(optOut);
        Assert.Equal(new[] { OptOutScope.Sale, OptOutScope.Profiling }, retried.OptOuts.Select(o => o.Scope).Order());
        Assert.Equal(3, retried.Version);
    }

    private static SubjectRegistered Registered(string subjectId) =>
        new() { SubjectId = subjectId, OccurredAt = DateTimeOffset.UtcNow, Jurisdiction = "CA" };
}

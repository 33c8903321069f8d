using CallLoop.Contracts.Retention;
using CallLoop.Domain;
using CallLoop.EventStore.CatchUps;
using CallLoop.Grains.Retention;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Retention;

/// <summary>
/// Opt-outs stored before <see cref="OptedOut.FromNonSubject"/> existed, and requests of non-subjects, arm the retention
/// of people without an account once, at a silo's start, as such an event arms it now; the stored events are read,
/// never rewritten.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RetentionCatchUpTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_opt_outs_stored_before_the_flag_When_the_catch_up_runs_Then_the_review_is_armed_for_someone_without_an_account_and_not_for_a_registered_subject()
    {
        var withoutAccount = $"ru-{Guid.NewGuid():N}";
        var registered = $"rs-{Guid.NewGuid():N}";
        var requester = $"rq-{Guid.NewGuid():N}";
        var optedOutAt = DateTimeOffset.UtcNow.AddDays(-1);
        var marker = $"select count(*) from privacy.{OneTimeCatchUps.Table} where name = '{RetentionCatchUp.Name}'";
        await Eventually.ReturnsAsync(() => ExecuteScalarAsync(marker), done => done == 1, Patience.Long, "the silos' own catch-up at start");
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream(withoutAccount, OldOptOut(withoutAccount, optedOutAt));
            session.Events.StartStream(registered, new SubjectRegistered { SubjectId = registered, Jurisdiction = "CA", OccurredAt = optedOutAt.AddHours(-1) }, OldOptOut(registered, optedOutAt));
            var request = new ReceiveRightsRequest { SubjectId = requester, RequestId = "r-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm, Jurisdiction = "FL" };
            session.Events.StartStream(requester, [.. SubjectDecider.Decide(SubjectState.Initial, request, optedOutAt)]);
            await session.SaveChangesAsync();
        }

        // As the code before the flag stored them: the member absent from the JSON.
        var shape = await ExecuteAsync(
            "update privacy.mt_events set data = data - 'fromNonSubject' where stream_id = any($1) and type = 'opted_out'",
            new[] { withoutAccount, registered });
        Assert.Equal(2, shape);
        Assert.False(await Retention(withoutAccount).IsPendingAsync());

        // This database had the catch-up when its silos started; forget it, as a database older than the flag.
        await ExecuteAsync($"delete from privacy.{OneTimeCatchUps.Table} where name = '{RetentionCatchUp.Name}'");
        Assert.Equal(0, await ExecuteScalarAsync(marker));
        var catchUp = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<RetentionCatchUp>();
        var armed = await catchUp.RunAsync(CancellationToken.None);

        Assert.True(armed >= 1);
        Assert.True(await Retention(withoutAccount).IsPendingAsync());
        // Nothing else arms it here: the cluster's shared store has no publication subscription, so no reactor saw the request.
        Assert.True(await Retention(requester).IsPendingAsync());
        Assert.False(await Retention(registered).IsPendingAsync());
        Assert.Equal(1, await ExecuteScalarAsync(marker));
        Assert.Equal(0, await catchUp.RunAsync(CancellationToken.None));
    }

    /// <summary>A GPC opt-out as any version writes it; the flag is dropped from the stored JSON afterwards.</summary>
    private static OptedOut OldOptOut(string subjectId, DateTimeOffset at) =>
        new() { SubjectId = subjectId, Scope = OptOutScope.Sale, Method = PreferenceMethod.Gpc, OccurredAt = at };

    private IRetentionGrain Retention(string subjectId) => fixture.Grains.GetGrain<IRetentionGrain>(subjectId);

    private Task<long> ExecuteScalarAsync(string sql) => TestSql.ScalarAsync(fixture.ConnectionString, sql);

    private Task<int> ExecuteAsync(string sql, object? parameter = null) => TestSql.ExecuteAsync(fixture.ConnectionString, sql, parameter);
}

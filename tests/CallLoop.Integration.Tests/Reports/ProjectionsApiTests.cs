using System.Net;
using CallLoop.Domain;
using CallLoop.EventStore.Projections;
using CallLoop.Integration.Tests.Infrastructure;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

[Collection(ProjectionRebuildCollection.Name)]
public sealed class ProjectionsApiTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_daemon_caught_up_When_projections_are_listed_Then_each_shows_no_lag()
    {
        await driver.AppendAsync(ReportsDriver.NewId("lag"), new SubjectRegistered { Jurisdiction = "TN" });
        await driver.WaitForProjectionsAsync();

        using var list = await driver.GetJsonAsync("/api/projections");

        var rows = list.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal([.. ProjectionNames.Inline, .. ProjectionNames.Async], rows.Keys);
        Assert.All(rows.Values, p => Assert.Equal(0, p.GetProperty("lag").GetInt64()));
        Assert.All(rows.Values, p => Assert.True(p.GetProperty("highestEvent").GetInt64() > 0));
        Assert.Equal("async", rows[ProjectionNames.StateCategoryFacts].GetProperty("lifecycle").GetString());
    }

    [Fact]
    public async Task Given_the_daemon_running_When_an_admin_lists_its_shards_Then_each_projection_runs_in_this_silo()
    {
        await driver.AppendAsync(ReportsDriver.NewId("shards"), new SubjectRegistered { Jurisdiction = "TN" });
        await driver.WaitForProjectionsAsync();

        var shards = await Publication.Eventually.ReturnsAsync(
            async () =>
            {
                using var list = await driver.GetJsonAsync("/api/projections/shards");
                return list.RootElement.EnumerateArray().Select(s => (
                    Shard: s.GetProperty("shard").GetString()!,
                    Silo: s.GetProperty("silo").GetString()!,
                    Running: s.GetProperty("running").GetBoolean(),
                    Sequence: s.GetProperty("sequence").GetInt64())).ToList();
            },
            rows => rows.All(r => r.Running),
            Patience.Long,
            "every shard to run");

        // This silo does not publish (its collection's setting), so its shards are the five projections.
        Assert.Equal([.. ProjectionNames.Async.Select(n => n + ":All")], shards.Select(s => s.Shard));
        Assert.Single(shards.Select(s => s.Silo).Distinct());
        Assert.All(shards, s => Assert.True(s.Sequence > 0, s.Shard));
    }

    [Fact]
    public async Task Given_fact_rows_lost_When_projection_is_rebuilt_Then_they_come_back_and_new_events_still_flow()
    {
        var subjectId = ReportsDriver.NewId("rebuild");
        await driver.AppendAsync(subjectId, new SubjectRegistered { Jurisdiction = "KY" }, Collected(new DateTimeOffset(2011, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        await driver.WaitForProjectionsAsync();
        var before = await CountFactsAsync();
        await ExecuteAsync("delete from privacy.report_collection_facts");

        var response = await driver.Client.PostAsync($"/api/projections/{ProjectionNames.StateCategoryFacts}/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await CountFactsAsync());

        var later = ReportsDriver.NewId("after-rebuild");
        await driver.AppendAsync(later, new SubjectRegistered { Jurisdiction = "KY" }, Collected(new DateTimeOffset(2011, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        await driver.WaitForProjectionsAsync();
        Assert.Equal(before + 1, await CountFactsAsync());
    }

    [Fact]
    public async Task Given_unknown_projection_When_rebuild_is_asked_Then_404()
    {
        var response = await driver.Client.PostAsync("/api/projections/no-such-thing/rebuild", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static PersonalInformationCollected Collected(DateTimeOffset at) => new()
    {
        Category = PersonalInformationCategory.CommercialInformation,
        Source = CollectionSource.Direct,
        Purposes = [ProcessingPurpose.PaymentProcessing],
        CollectedAt = at,
    };

    private async Task<long> CountFactsAsync()
    {
        await using var connection = await driver.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from privacy.report_collection_facts", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await driver.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

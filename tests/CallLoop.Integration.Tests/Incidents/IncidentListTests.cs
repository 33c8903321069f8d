using System.Net;
using System.Text.Json;
using CallLoop.Domain;
using CallLoop.EventStore.CatchUps;
using CallLoop.EventStore.Incidents;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Silo.Incidents;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static CallLoop.Integration.Tests.Incidents.IncidentAcceptanceTests;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>The list of incidents shows every incident, those without any obligation too, a page at a time.</summary>
[Collection(IncidentCollection.Name)]
public sealed class IncidentListTests(IncidentSiloFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_incidents_without_obligations_When_listed_Then_every_one_shows_with_its_assessment_paged_by_the_server_and_counted_by_the_database()
    {
        // Discovered now: newer than every other incident of this database, so these three lead the list.
        var now = DateTimeOffset.UtcNow;
        var notAssessed = await ReportAsync(now.AddSeconds(-3));
        var nobodyAffected = await ReportAsync(now.AddSeconds(-2));
        var newest = await ReportAsync(now.AddSeconds(-1));
        await client.PostAsync($"/api/incidents/{nobodyAffected}/assessment", null).JsonAsync(HttpStatusCode.Accepted);
        await Eventually.ReturnsAsync(
            async () => (await client.GetAsync($"/api/incidents/{nobodyAffected}").JsonAsync()).GetProperty("assessment").GetProperty("status").GetString(),
            status => status == "completed",
            Patience.Long,
            "the assessment that finds nobody");

        var first = await client.GetAsync("/api/incidents?limit=2").JsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetAsync($"/api/incidents?limit=2&cursor={cursor}").JsonAsync();

        Assert.Equal([newest, nobodyAffected], Ids(first));
        Assert.Equal(notAssessed, Ids(second)[0]);
        var lines = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToDictionary(i => i.GetProperty("incidentId").GetString()!);
        Assert.Equal(("not-started", "none", 0L), Line(lines[notAssessed]));
        Assert.Equal(("completed", "none", 0L), Line(lines[nobodyAffected]));
        Assert.Equal(0, lines[nobodyAffected].GetProperty("obligations").GetProperty("open").GetInt64());

        var (total, statuses) = await DatabaseCountsAsync();
        Assert.Equal(total, first.GetProperty("total").GetInt64());
        Assert.Equal(total, second.GetProperty("total").GetInt64());
        Assert.Equal(statuses, first.GetProperty("byAssessmentStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
        Assert.True(statuses["not-started"] >= 2);

        Assert.Equal("cursor", await client.GetAsync("/api/incidents?cursor=not-a-cursor").FieldProblemAsync());
        Assert.Equal("limit", await client.GetAsync("/api/incidents?limit=0").FieldProblemAsync());
        using var analyst = factory.CreateClientAs("analyst-1", "analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task Given_an_incident_stored_before_the_list_existed_When_two_silos_start_together_Then_it_is_listed_once_without_its_grain_being_called()
    {
        // Its events as the code before the list wrote them: no line of the list of incidents with them.
        // Discovered long ago, so the other tests' newest incidents still lead the list.
        var incidentId = $"inc-{Guid.NewGuid():N}";
        var facts = new IncidentFacts
        {
            DiscoveredAt = DateTimeOffset.UtcNow.AddDays(-400),
            OccurredFrom = DateTimeOffset.UtcNow.AddDays(-420),
            OccurredTo = DateTimeOffset.UtcNow.AddDays(-410),
            Description = "a laptop with an export of the mailing list was stolen.",
            Categories = [PersonalInformationCategory.Identifiers],
            DataElements = [BreachDataElement.Name, BreachDataElement.Ssn],
            Systems = ["mailing"],
        };
        await using (var session = factory.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(
                IncidentStreams.StreamId(incidentId),
                new IncidentReported { IncidentId = incidentId, OccurredAt = DateTimeOffset.UtcNow, Facts = facts },
                new IncidentAssessmentStarted { IncidentId = incidentId, OccurredAt = DateTimeOffset.UtcNow, Assessment = 1 },
                new IncidentAssessed
                {
                    IncidentId = incidentId,
                    OccurredAt = DateTimeOffset.UtcNow,
                    Assessment = 1,
                    Jurisdictions = [new AffectedJurisdiction { Jurisdiction = "FL", Affected = 3, Notifiable = 3 }, new AffectedJurisdiction { Jurisdiction = "TX", Affected = 1, Notifiable = 1 }],
                });
            await session.SaveChangesAsync();
        }

        // This database already had the catch-up when its silo started; forget it, as a database older than the list.
        await ExecuteAsync($"delete from privacy.{OneTimeCatchUps.Table} where name = '{IncidentListCatchUp.Name}'");
        Assert.DoesNotContain(incidentId, await ListedIdsAsync());
        var catchUp = factory.Services.GetServices<IHostedService>().OfType<IncidentListCatchUp>().Single();
        await Task.WhenAll(catchUp.StartAsync(CancellationToken.None), catchUp.StartAsync(CancellationToken.None));

        var page = await client.GetAsync("/api/incidents?limit=200").JsonAsync();
        var line = Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetString() == incidentId);
        Assert.Equal(("completed", 4L, 1), (line.GetProperty("assessmentStatus").GetString(), line.GetProperty("affected").GetInt64(), line.GetProperty("assessment").GetInt32()));
        Assert.Equal(1, await ScalarAsync($"select count(*) from privacy.{OneTimeCatchUps.Table} where name = '{IncidentListCatchUp.Name}'"));
        var activations = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.DoesNotContain(activations, a => a.GrainId.Key.ToString() == incidentId);
    }

    private async Task<List<string>> ListedIdsAsync() => [.. Ids(await client.GetAsync("/api/incidents?limit=200").JsonAsync())];

    private Task<int> ExecuteAsync(string sql) => TestSql.ExecuteAsync(factory.ConnectionString, sql);

    private Task<long> ScalarAsync(string sql) => TestSql.ScalarAsync(factory.ConnectionString, sql);

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("incidentId").GetString()!)];

    private static (string?, string?, long) Line(JsonElement item) =>
        (item.GetProperty("assessmentStatus").GetString(), item.GetProperty("state").GetString(), item.GetProperty("affected").GetInt64());

    private async Task<(long Total, Dictionary<string, long> ByStatus)> DatabaseCountsAsync()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select assessment_status, count(*) from analytics.incidents group by 1", connection);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return (counts.Values.Sum(), counts);
    }

    /// <summary>An incident whose window is long before anyone here was collected: its assessment finds nobody.</summary>
    private async Task<string> ReportAsync(DateTimeOffset discoveredAt)
    {
        var incidentId = $"inc-{Guid.NewGuid():N}";
        await client.PostJsonAsync("/api/incidents", new
        {
            incidentId,
            discoveredAt = Iso(discoveredAt),
            occurredFrom = Iso(discoveredAt.AddYears(-20)),
            occurredTo = Iso(discoveredAt.AddYears(-20).AddDays(1)),
            description = "an old archive tape went missing.",
            categories = new[] { "A" },
            dataElements = new[] { "name", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "archive" },
        }).JsonAsync(HttpStatusCode.Created);
        return incidentId;
    }
}

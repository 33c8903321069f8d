using System.Net;
using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
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

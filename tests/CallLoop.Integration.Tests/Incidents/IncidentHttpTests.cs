using System.Net;
using CallLoop.Integration.Tests.Http;

namespace CallLoop.Integration.Tests.Incidents;

[Collection(IncidentCollection.Name)]
public sealed class IncidentHttpTests(IncidentSiloFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private static object Incident(string incidentId, string[] dataElements) => new
    {
        incidentId,
        discoveredAt = "2026-03-02T09:00:00Z",
        occurredFrom = "2026-02-01T00:00:00Z",
        occurredTo = "2026-02-20T00:00:00Z",
        description = "a laptop with an unencrypted export was stolen.",
        categories = new[] { "A" },
        dataElements,
        encrypted = false,
        keyCompromised = false,
        systems = new[] { "exports" },
    };

    [Fact]
    public async Task Given_data_element_outside_the_fixed_list_When_reported_Then_400_naming_it_and_nothing_recorded()
    {
        var incidentId = $"inc-{Guid.NewGuid():N}";

        var field = await client.PostJsonAsync("/api/incidents", Incident(incidentId, ["name", "mothers-maiden-name"])).FieldProblemAsync();

        Assert.Equal("dataElements[1]", field);
        await client.GetAsync($"/api/incidents/{incidentId}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_reported_incident_When_notices_sent_before_assessment_Then_409_incident_not_assessed()
    {
        var incidentId = $"inc-{Guid.NewGuid():N}";
        await client.PostJsonAsync("/api/incidents", Incident(incidentId, ["name", "passport"])).JsonAsync(HttpStatusCode.Created);

        var rule = await client.PostJsonAsync($"/api/incidents/{incidentId}/notices", new { subjectIds = new[] { "someone" }, channel = "email" }).RuleProblemAsync();

        Assert.Equal("incident-not-assessed", rule);
    }

    [Fact]
    public async Task Given_reported_incident_When_corrected_Then_correction_counted_and_facts_replaced()
    {
        var incidentId = $"inc-{Guid.NewGuid():N}";
        await client.PostJsonAsync("/api/incidents", Incident(incidentId, ["name", "passport"])).JsonAsync(HttpStatusCode.Created);
        var corrected = new Dictionary<string, object?>
        {
            ["reason"] = "The export was encrypted; the key was on a separate device.",
            ["discoveredAt"] = "2026-03-02T09:00:00Z",
            ["occurredFrom"] = "2026-02-01T00:00:00Z",
            ["occurredTo"] = "2026-02-20T00:00:00Z",
            ["description"] = "a laptop with an encrypted export was stolen.",
            ["categories"] = new[] { "A" },
            ["dataElements"] = new[] { "name", "passport" },
            ["encrypted"] = true,
            ["keyCompromised"] = false,
            ["systems"] = new[] { "exports" },
        };

        var view = await client.PostJsonAsync($"/api/incidents/{incidentId}/corrections", corrected).JsonAsync();

        Assert.Equal(1, view.GetProperty("corrections").GetInt32());
        Assert.True(view.GetProperty("facts").GetProperty("encrypted").GetBoolean());
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("service")]
    public async Task Given_role_other_than_privacy_officer_or_admin_When_incident_reported_Then_403(string role)
    {
        using var other = factory.CreateClientAs($"{role}-1", role);

        var response = await other.PostJsonAsync("/api/incidents", Incident($"inc-{Guid.NewGuid():N}", ["name", "ssn"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("privacy-officer")]
    [InlineData("admin")]
    public async Task Given_privacy_officer_or_admin_When_incident_reported_Then_created(string role)
    {
        using var officer = factory.CreateClientAs($"{role}-1", role);

        await officer.PostJsonAsync("/api/incidents", Incident($"inc-{Guid.NewGuid():N}", ["name", "ssn"])).JsonAsync(HttpStatusCode.Created);
    }
}

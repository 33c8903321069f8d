using System.Net;
using CallLoop.Contracts.Incidents;
using CallLoop.Domain;
using CallLoop.EventStore.Incidents;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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

    [Fact]
    public async Task Given_florida_incident_over_a_thousand_When_credit_bureaus_told_Then_bad_input_named_and_all_three_meet_the_obligation()
    {
        // 1,001 Floridians: the assessment is committed to the incident's stream directly (a thousand subjects would add nothing here).
        var incidentId = $"inc-{Guid.NewGuid():N}";
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        await client.PostJsonAsync("/api/incidents", Incident(incidentId, ["name", "ssn"])).JsonAsync(HttpStatusCode.Created);
        await grains.DeactivateAsync(grains.GetGrain<IIncidentGrain>(incidentId));
        await IncidentCommits.CommitAsync(
            factory.Services,
            incidentId,
            new IncidentAssessmentStarted { Assessment = 1 },
            new IncidentAssessed { Assessment = 1, Jurisdictions = [new AffectedJurisdiction { Jurisdiction = "FL", Affected = 1001, Notifiable = 1001 }] });
        var notices = $"/api/incidents/{incidentId}/credit-bureau-notices";

        Assert.Equal("bureau", await client.PostJsonAsync(notices, new { bureau = "acme-credit" }).FieldProblemAsync());
        Assert.Equal("bureau", await client.PostJsonAsync(notices, new { jurisdiction = "FL" }).FieldProblemAsync());
        Assert.Equal("sentAt", await client.PostJsonAsync(notices, new { bureau = "equifax", sentAt = "yesterday" }).FieldProblemAsync());
        Assert.Equal("sentAt", await client.PostJsonAsync(notices, new { bureau = "equifax", sentAt = "2026-03-01T00:00:00Z" }).FieldProblemAsync());
        Assert.Equal("jurisdiction-not-affected", await client.PostJsonAsync(notices, new { jurisdiction = "TX", bureau = "equifax" }).RuleProblemAsync());
        var untouched = await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync();
        Assert.Empty(Florida(untouched).GetProperty("creditBureausNotified").EnumerateArray());
        Assert.True(Florida(untouched).GetProperty("creditBureausRequired").GetBoolean());

        await client.PostJsonAsync(notices, new { bureau = "equifax" }).JsonAsync();
        await client.PostJsonAsync(notices, new { jurisdiction = "fl", bureau = "experian" }).JsonAsync();
        var partly = Florida(await client.PostJsonAsync(notices, new { jurisdiction = "FL", bureau = "experian" }).JsonAsync());
        Assert.Equal("open", partly.GetProperty("creditBureausState").GetString());
        var met = Florida(await client.PostJsonAsync(notices, new { bureau = "transunion", sentAt = "2026-03-05T12:00:00Z" }).JsonAsync());

        Assert.Equal("met", met.GetProperty("creditBureausState").GetString());
        Assert.Equal(["equifax", "experian", "transunion"], met.GetProperty("creditBureausNotified").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(3, await StoredEventsAsync(incidentId, "incident_credit_bureau_notified"));   // the repeated experian recorded nothing
        Assert.Equal("met", await ObligationStateAsync(incidentId, "FL", "credit-bureaus"));
    }

    [Fact]
    public async Task Given_overdue_obligation_When_queue_read_Then_listed_soonest_first_filtered_by_state_and_bad_state_named()
    {
        var incidentId = $"inc-{Guid.NewGuid():N}";
        await client.PostJsonAsync("/api/incidents", Incident(incidentId, ["name", "ssn"])).JsonAsync(HttpStatusCode.Created);
        await IncidentCommits.CommitAsync(
            factory.Services,
            incidentId,
            new IncidentAssessmentStarted { Assessment = 1 },
            new IncidentAssessed { Assessment = 1, Jurisdictions = [new AffectedJurisdiction { Jurisdiction = "WA", Affected = 2, Notifiable = 2 }] });

        var open = await client.GetAsync("/api/incident-obligations").JsonAsync();
        var items = open.GetProperty("items").EnumerateArray().ToArray();
        var washington = Assert.Single(items, i => i.GetProperty("incidentId").GetString() == incidentId);
        Assert.Equal("WA", washington.GetProperty("jurisdiction").GetString());
        Assert.Equal("individuals", washington.GetProperty("obligation").GetString());
        Assert.Equal("overdue", washington.GetProperty("state").GetString());
        Assert.Equal(2, washington.GetProperty("affected").GetInt64());
        var due = items.Select(i => i.GetProperty("dueAt")).Where(d => d.ValueKind != System.Text.Json.JsonValueKind.Null).Select(d => d.GetDateTimeOffset()).ToArray();
        Assert.Equal(due.Order(), due);
        Assert.Equal(items.Length, open.GetProperty("count").GetInt32());

        Assert.DoesNotContain((await client.GetAsync("/api/incident-obligations?state=met").JsonAsync()).GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetString() == incidentId);
        Assert.Equal("state", await client.GetAsync("/api/incident-obligations?state=late").FieldProblemAsync());
        Assert.Equal("limit", await client.GetAsync("/api/incident-obligations?limit=0").FieldProblemAsync());
        using var analyst = factory.CreateClientAs("analyst-1", "analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/incident-obligations")).StatusCode);
    }

    private static System.Text.Json.JsonElement Florida(System.Text.Json.JsonElement incident) =>
        incident.GetProperty("jurisdictions").EnumerateArray().Single(j => j.GetProperty("jurisdiction").GetString() == "FL");

    private async Task<long> StoredEventsAsync(string incidentId, string type)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from privacy.mt_events where stream_id = @id and type = @type", connection);
        command.Parameters.AddWithValue("id", IncidentStreams.StreamId(incidentId));
        command.Parameters.AddWithValue("type", type);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string?> ObligationStateAsync(string incidentId, string jurisdiction, string obligation)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select state from analytics.incident_obligations where incident_id = @id and jurisdiction = @jurisdiction and obligation = @obligation", connection);
        command.Parameters.AddWithValue("id", incidentId);
        command.Parameters.AddWithValue("jurisdiction", jurisdiction);
        command.Parameters.AddWithValue("obligation", obligation);
        return await command.ExecuteScalarAsync() as string;
    }
}

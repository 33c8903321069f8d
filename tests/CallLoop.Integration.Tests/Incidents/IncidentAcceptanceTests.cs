using System.Net;
using System.Text.Json;
using CallLoop.Contracts.Incidents;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Integration.Tests.Support;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>
/// From an incident to every affected person and regulator, over real PostgreSQL and a real silo: subjects in FL,
/// CA, TX, NJ and CAN with different categories, one who moved, one erased before the window and one inside it.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class IncidentAcceptanceTests(IncidentSiloFactory factory)
{

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_subjects_across_jurisdictions_When_incident_assessed_and_notified_Then_counts_match_sql_and_notices_reach_the_streams()
    {
        var longAgo = DateTimeOffset.UtcNow.AddDays(-40);
        var fl = await SubjectAsync("FL", ("A", longAgo));
        var flOther = await SubjectAsync("FL", ("D", longAgo));            // a category the incident did not reach
        var ca = await SubjectAsync("CA", ("B", longAgo), ("D", longAgo));
        var tx = await SubjectAsync("TX", ("A", longAgo));
        var nj = await SubjectAsync("NJ", ("A", longAgo));
        var can = await SubjectAsync("CAN", ("B", longAgo));
        var mover = await SubjectAsync("TX", ("A", longAgo));               // moves to NJ inside the window
        var erasedBefore = await SubjectAsync("FL", ("A", longAgo));        // erased before the window began
        var erasedInside = await SubjectAsync("FL", ("A", longAgo));        // erased inside it: counted, not notifiable
        await EraseAsync(erasedBefore);

        var windowStart = await TestTimes.MomentBetweenAsync();
        await client.PostJsonAsync($"/api/subjects/{mover}/residency", new { jurisdiction = "NJ" }).JsonAsync();
        await EraseAsync(erasedInside);
        var windowEnd = await TestTimes.MomentBetweenAsync();
        var lateCa = await SubjectAsync("CA", ("A", DateTimeOffset.UtcNow)); // collected after the window ended
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Patience.Long);

        var incidentId = $"inc-{Guid.NewGuid():N}";
        var created = await client.PostJsonAsync("/api/incidents", new
        {
            incidentId,
            discoveredAt = Iso(DateTimeOffset.UtcNow),
            occurredFrom = Iso(windowStart),
            occurredTo = Iso(windowEnd),
            description = "an attacker copied the customer table through a stolen administrator password.",
            categories = new[] { "A", "B" },
            dataElements = new[] { "name", "email", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "crm" },
            realRiskOfSignificantHarm = true,
            stepsTaken = "We revoked the password and require a second factor for administrators.",
        }).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("not-started", created.GetProperty("assessment").GetProperty("status").GetString());

        var accepted = await client.PostAsync($"/api/incidents/{incidentId}/assessment", null).JsonAsync(HttpStatusCode.Accepted);
        Assert.Contains(accepted.GetProperty("assessment").GetProperty("status").GetString(), new[] { "running", "completed" });
        var incident = await Eventually.ReturnsAsync(
            () => client.GetAsync($"/api/incidents/{incidentId}").JsonAsync(),
            view => view.GetProperty("assessment").GetProperty("status").GetString() == "completed",
            Patience.Long,
            "the assessment");

        var counted = Jurisdictions(incident);
        var expected = await IndependentCountAsync(factory.ConnectionString, windowStart, windowEnd);
        Assert.Equal(expected, counted.ToDictionary(j => j.Key, j => j.Value.GetProperty("affected").GetInt64()));
        Assert.Equal(2, counted["FL"].GetProperty("affected").GetInt64());   // fl and erasedInside; not erasedBefore nor flOther
        Assert.Equal(1, counted["FL"].GetProperty("notifiable").GetInt64());
        Assert.Equal(2, counted["NJ"].GetProperty("affected").GetInt64());   // nj and the mover
        Assert.Equal(1, counted["TX"].GetProperty("affected").GetInt64());
        Assert.Equal(1, counted["CA"].GetProperty("affected").GetInt64());   // lateCa collected after the window
        Assert.True(counted["CAN"].GetProperty("individualNoticeRequired").GetBoolean());
        Assert.True(counted["NJ"].GetProperty("regulatorBeforeIndividuals").GetBoolean());
        Assert.Equal("without delay", counted["NJ"].GetProperty("individualNoticeDeadline").GetString());
        Assert.NotNull(counted["CAN"].GetProperty("recordKeptUntil").GetString());

        var florida = await client.GetAsync($"/api/incidents/{incidentId}/subjects?jurisdiction=FL&limit=1").JsonAsync();
        var page2 = await client.GetAsync($"/api/incidents/{incidentId}/subjects?jurisdiction=FL&limit=1&after={florida.GetProperty("next").GetString()}").JsonAsync();
        var listed = florida.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("subjectId").GetString()!).ToArray();
        Assert.Equal([fl], listed);
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);

        // New Jersey's State Police hear before the people: the whole batch is refused, nobody's stream is touched
        // (fl's history below has exactly one notice), and it goes through once the regulator's notice is recorded.
        var batch = new { subjectIds = new[] { fl, erasedInside, flOther, nj, mover }, channel = "email" };
        Assert.Equal("regulator-before-individuals", await client.PostJsonAsync($"/api/incidents/{incidentId}/notices", batch).RuleProblemAsync());
        var refused = Jurisdictions(await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync());
        Assert.Equal((0, 0), (refused["NJ"].GetProperty("noticesSent").GetInt64(), refused["FL"].GetProperty("noticesSent").GetInt64()));
        Assert.True(refused["NJ"].GetProperty("individualNoticesAwaitRegulator").GetBoolean());
        Assert.False(refused["FL"].GetProperty("individualNoticesAwaitRegulator").GetBoolean());
        var regulator = Jurisdictions(await client.PostJsonAsync($"/api/incidents/{incidentId}/regulator-notices", new { jurisdiction = "NJ", regulator = "Division of State Police" }).JsonAsync());
        Assert.Equal("met", regulator["NJ"].GetProperty("regulatorNoticeState").GetString());
        Assert.False(regulator["NJ"].GetProperty("individualNoticesAwaitRegulator").GetBoolean());

        var outcome = await client.PostJsonAsync($"/api/incidents/{incidentId}/notices", batch).JsonAsync();
        Assert.Equal(3, outcome.GetProperty("recorded").GetInt32());
        Assert.Equal([erasedInside], Ids(outcome, "notNotifiable"));
        Assert.Equal([flOther], Ids(outcome, "notAffected"));
        var again = await client.PostJsonAsync($"/api/incidents/{incidentId}/notices", new { subjectIds = new[] { fl }, channel = "mail" }).JsonAsync();
        Assert.Equal([fl], Ids(again, "alreadyNoticed"));
        Assert.Equal(0, again.GetProperty("recorded").GetInt32());

        var history = await client.GetAsync($"/api/subjects/{fl}/history?purpose=legal-compliance").JsonAsync();
        var notice = Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "breach_notice_sent");
        Assert.Equal(incidentId, notice.GetProperty("event").GetProperty("incidentId").GetString());
        Assert.DoesNotContain(
            (await client.GetAsync($"/api/subjects/{erasedInside}/history?purpose=legal-compliance").JsonAsync()).EnumerateArray(),
            e => e.GetProperty("type").GetString() == "breach_notice_sent");
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Patience.Long);
        var report = await client.GetAsync($"/api/subjects/{nj}/access-report").JsonAsync();
        Assert.Equal(incidentId, Assert.Single(report.GetProperty("breachNotices").EnumerateArray()).GetProperty("incidentId").GetString());

        var afterNotices = Jurisdictions(await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync());
        Assert.Equal(2, afterNotices["NJ"].GetProperty("noticesSent").GetInt64());
        Assert.Equal("met", afterNotices["NJ"].GetProperty("individualNoticeState").GetString());
        Assert.Equal(1, afterNotices["FL"].GetProperty("noticesSent").GetInt64());

        var california = await client.GetAsync($"/api/incidents/{incidentId}/notice?jurisdiction=CA").JsonAsync();
        Assert.Equal("Notice of Data Breach", california.GetProperty("title").GetString());
        Assert.Equal("What Happened", california.GetProperty("sections")[0].GetProperty("heading").GetString());
        var illinois = await client.GetAsync($"/api/incidents/{incidentId}/notice?jurisdiction=IL").JsonAsync();
        Assert.DoesNotContain("resident", illinois.GetProperty("text").GetString()!, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var view = new NpgsqlCommand("select jurisdiction, obligation, state from analytics.incident_obligations where incident_id = @id and required", connection);
        view.Parameters.AddWithValue("id", incidentId);
        var rows = new List<(string, string, string)>();
        await using (var reader = await view.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Contains(("NJ", "regulator", "met"), rows);
        Assert.Contains(("FL", "individuals", "met"), rows);
        Assert.Contains(("CA", "individuals", "open"), rows);
        var pending = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIncidentDeadlineGrain>(incidentId).PendingAsync();
        Assert.Contains(pending, name => name.StartsWith("CA/individuals/overdue/", StringComparison.Ordinal));
        Assert.DoesNotContain(pending, name => name.StartsWith("NJ/", StringComparison.Ordinal));
        _ = lateCa;
        _ = ca;
        _ = tx;
        _ = can;
    }

    [Fact]
    public async Task Given_incident_discovered_long_ago_When_assessed_Then_its_deadline_reminders_fire_and_record_the_overdue_obligation()
    {
        // Washington: individuals within 30 days of discovery; discovered 60 days ago, the notice is overdue at once,
        // so the reminders are armed for the shortest wait and their firing is what turns the state to "overdue".
        var subjectId = await SubjectAsync("WA", ("A", DateTimeOffset.UtcNow.AddDays(-40)));
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Patience.Long);
        var incidentId = $"inc-{Guid.NewGuid():N}";
        var discoveredAt = DateTimeOffset.UtcNow.AddDays(-60);
        Dictionary<string, object?> Facts(string device) => new()
        {
            ["discoveredAt"] = Iso(discoveredAt),
            ["occurredFrom"] = Iso(discoveredAt.AddDays(-10)),
            ["occurredTo"] = Iso(discoveredAt.AddDays(60)),
            ["description"] = $"a {device} with an export of the customer table was stolen.",
            ["categories"] = new[] { "A" },
            ["dataElements"] = new[] { "name", "ssn" },
            ["encrypted"] = false,
            ["keyCompromised"] = false,
            ["systems"] = new[] { "laptop" },
        };
        await client.PostJsonAsync("/api/incidents", new Dictionary<string, object?>(Facts("laptop")) { ["incidentId"] = incidentId }).JsonAsync(HttpStatusCode.Created);

        await client.PostAsync($"/api/incidents/{incidentId}/assessment", null).JsonAsync(HttpStatusCode.Accepted);
        var recorded = await Eventually.ReturnsAsync(() => OverdueFactsAsync(factory.ConnectionString, incidentId, "WA"), count => count > 0, Patience.Long, "the overdue reminder of Washington's individual notice");

        Assert.Equal(1, recorded);
        var deadlines = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIncidentDeadlineGrain>(incidentId);
        await Eventually.ReturnsAsync(() => deadlines.PendingAsync(), pending => !pending.Any(name => name.StartsWith("WA/individuals/", StringComparison.Ordinal)), Patience.Long, "the fired reminders to go");

        var incident = await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync();
        Assert.True(Jurisdictions(incident)["WA"].GetProperty("individualNoticeRequired").GetBoolean());
        Assert.Equal("overdue", Jurisdictions(incident)["WA"].GetProperty("individualNoticeState").GetString());
        Assert.Contains(subjectId, (await client.GetAsync($"/api/incidents/{incidentId}/subjects?jurisdiction=WA").JsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subjectId").GetString()));

        // Every commit of the incident schedules its reminders again; a moment whose fact is recorded stays unarmed.
        await client.PostJsonAsync($"/api/incidents/{incidentId}/corrections", new Dictionary<string, object?>(Facts("tablet")) { ["reason"] = "the description named the wrong device." })
            .JsonAsync();
        Assert.DoesNotContain(await deadlines.PendingAsync(), name => name.StartsWith("WA/individuals/", StringComparison.Ordinal));
    }

    internal static async Task<long> OverdueFactsAsync(string connectionString, string incidentId, string jurisdiction)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from privacy.mt_events where stream_id = @id and type = 'incident_obligation_overdue' and data ->> 'jurisdiction' = @jurisdiction",
            connection);
        command.Parameters.AddWithValue("id", CallLoop.EventStore.Incidents.IncidentStreams.StreamId(incidentId));
        command.Parameters.AddWithValue("jurisdiction", jurisdiction);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string[] Ids(JsonElement outcome, string property) =>
        outcome.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    internal static Dictionary<string, JsonElement> Jurisdictions(JsonElement incident) =>
        incident.GetProperty("jurisdictions").EnumerateArray().ToDictionary(j => j.GetProperty("jurisdiction").GetString()!, j => j);

    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);

    private Task<string> SubjectAsync(string jurisdiction, params (string Category, DateTimeOffset At)[] collections) =>
        SubjectAsync(client, jurisdiction, collections);

    internal static async Task<string> SubjectAsync(HttpClient client, string jurisdiction, params (string Category, DateTimeOffset At)[] collections)
    {
        var subjectId = await client.RegisterAsync(jurisdiction);
        foreach (var (category, at) in collections)
        {
            await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", new
            {
                category,
                source = "direct",
                purposes = new[] { "provide-services" },
                data = new Dictionary<string, string> { [category == "A" ? "email" : "note"] = $"{subjectId}@example.org" },
                collectedAt = Iso(at),
            }).JsonAsync();
        }

        return subjectId;
    }

    private async Task EraseAsync(string subjectId)
    {
        var subject = $"/api/subjects/{subjectId}";
        await client.PostJsonAsync($"{subject}/requests", new { requestId = "del-1", type = "delete", channel = "email" }).JsonAsync();
        await client.PostJsonAsync($"{subject}/requests/del-1/verification", new { method = "login" }).JsonAsync();
        await client.PostJsonAsync($"{subject}/requests/del-1/completion", new { outcome = "fulfilled" }).JsonAsync();
    }

    /// <summary>
    /// The same question asked of the raw event log instead of the fact tables: who had a collection of A or B at or
    /// before the window's end with no erasure of it between that collection and the window's start, by where they
    /// lived at the window's end.
    /// </summary>
    internal static async Task<Dictionary<string, long>> IndependentCountAsync(string connectionString, DateTimeOffset from, DateTimeOffset to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            with collected as (
                select stream_id as subject_id, data ->> 'category' as category, (data ->> 'collectedAt')::timestamptz as at
                from privacy.mt_events where type = 'personal_information_collected'),
            erased as (
                select stream_id as subject_id, c.category, e.timestamp as at
                from privacy.mt_events e, jsonb_array_elements_text(e.data -> 'erasedCategories') as c(category)
                where e.type = 'personal_data_erased'),
            moves as (
                select stream_id as subject_id, data ->> 'jurisdiction' as jurisdiction, timestamp as at, seq_id
                from privacy.mt_events where type in ('subject_registered', 'residency_changed')),
            affected as (
                select distinct c.subject_id from collected c
                where c.category in ('A', 'B') and c.at <= @to
                  and not exists (select 1 from erased x where x.subject_id = c.subject_id and x.category = c.category and x.at >= c.at and x.at < @from))
            select (select m.jurisdiction from moves m where m.subject_id = a.subject_id and m.at <= @to order by m.at desc, m.seq_id desc limit 1), count(*)
            from affected a group by 1
            """,
            connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}

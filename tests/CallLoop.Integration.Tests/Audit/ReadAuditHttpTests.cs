using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Security;
using Npgsql;

namespace CallLoop.Integration.Tests.Audit;

[Collection(SiloCollection.Name)]
public sealed class ReadAuditHttpTests(SiloApplicationFactory factory)
{
    private const string Officer = "officer-jo";
    private const string Email = "audited.reader@example.com";

    private readonly HttpClient client = factory.CreateClient();

    private HttpClient OfficerClient => factory.CreateClientAs(Officer, Roles.PrivacyOfficer);

    [Theory]
    [InlineData("personal-data?purpose=customer-support", "profile", "customer-support")]
    [InlineData("history?purpose=legal-compliance", "history", "legal-compliance")]
    [InlineData("export", "export", "rights-request")]
    [InlineData("export?purpose=fraud-prevention", "export", "fraud-prevention")]
    [InlineData("access-report?level=specific&requestId=know-s", "access-report", "rights-request")]
    public async Task Given_subject_When_an_audited_route_reads_values_Then_exactly_one_access_record_with_actor_and_purpose(string route, string view, string purpose)
    {
        var subjectId = await GivenSubjectAsync();
        using var officer = OfficerClient;

        var body = await officer.GetStringAsync($"/api/subjects/{subjectId}/{route}");

        Assert.Contains("order-77", body, StringComparison.Ordinal);
        Assert.Equal(1, await StreamEvents.AccessRecordsAsync(factory.ConnectionString, subjectId));
        var record = Assert.Single((await client.GetAsync($"/api/subjects/{subjectId}/audit").JsonAsync()).EnumerateArray());
        Assert.Equal((Officer, purpose, view), (record.GetProperty("accessedBy").GetString(), record.GetProperty("purpose").GetString(), record.GetProperty("view").GetString()));
        Assert.Equal(["A", "D"], record.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.DoesNotContain(Email, record.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_rights_request_When_values_read_for_it_Then_the_record_names_the_request()
    {
        var subjectId = await GivenSubjectAsync();
        await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "know-1", type = "know-specific", channel = "email" }).JsonAsync();
        using var officer = OfficerClient;

        await officer.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=rights-request&requestId=know-1").JsonAsync();

        var record = Assert.Single((await client.GetAsync($"/api/subjects/{subjectId}/audit").JsonAsync()).EnumerateArray());
        Assert.Equal("know-1", record.GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("personal-data", HttpStatusCode.BadRequest, "purpose")]
    [InlineData("personal-data?purpose=curiosity", HttpStatusCode.BadRequest, "purpose")]
    [InlineData("history", HttpStatusCode.BadRequest, "purpose")]
    [InlineData("export?purpose=curiosity", HttpStatusCode.BadRequest, "purpose")]
    [InlineData("access-report?level=everything", HttpStatusCode.BadRequest, "level")]
    [InlineData("personal-data?purpose=rights-request&requestId=no-such-request", HttpStatusCode.NotFound, null)]
    [InlineData("personal-data?purpose=rights-request&requestId=bad%20id", HttpStatusCode.BadRequest, "requestId")]
    public async Task Given_bad_read_When_refused_Then_problem_without_values_and_nothing_recorded(string route, HttpStatusCode status, string? field)
    {
        var subjectId = await GivenSubjectAsync();
        var before = await StreamEvents.TypesAsync(factory.ConnectionString, subjectId);
        using var officer = OfficerClient;

        var problem = await officer.GetAsync($"/api/subjects/{subjectId}/{route}").ProblemAsync(status, Email);

        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        Assert.Equal(before, await StreamEvents.TypesAsync(factory.ConnectionString, subjectId));
    }

    [Fact]
    public async Task Given_unknown_subject_When_values_read_Then_404_and_no_stream()
    {
        var subjectId = Api.NewSubjectId();
        using var officer = OfficerClient;

        await officer.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=customer-support").ProblemAsync(HttpStatusCode.NotFound);
        await officer.GetAsync($"/api/subjects/{subjectId}/export").ProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty(await StreamEvents.TypesAsync(factory.ConnectionString, subjectId));
    }

    [Theory]
    [InlineData(Roles.Analyst, "personal-data?purpose=customer-support")]
    [InlineData(Roles.Service, "export")]
    [InlineData(Roles.Analyst, "audit")]
    [InlineData(Roles.Service, "audit")]
    public async Task Given_role_refused_When_reading_Then_403_and_nothing_recorded(string role, string route)
    {
        var subjectId = await GivenSubjectAsync();
        using var other = factory.CreateClientAs($"{role}-user", role);

        var response = await other.GetAsync($"/api/subjects/{subjectId}/{route}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Email, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await StreamEvents.AccessRecordsAsync(factory.ConnectionString, subjectId));
    }

    [Fact]
    public async Task Given_admin_When_reading_the_audit_Then_records_in_order_and_reading_it_records_nothing()
    {
        var subjectId = await GivenSubjectAsync();
        using var officer = OfficerClient;
        await officer.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=customer-support").JsonAsync();
        await officer.GetAsync($"/api/subjects/{subjectId}/export").JsonAsync();
        using var admin = factory.CreateClientAs("admin-al", Roles.Admin);

        var trail = await admin.GetAsync($"/api/subjects/{subjectId}/audit").JsonAsync();
        await admin.GetAsync($"/api/subjects/{subjectId}/audit").JsonAsync();

        Assert.Equal(["profile", "export"], trail.EnumerateArray().Select(r => r.GetProperty("view").GetString()!).ToArray());
        Assert.Equal(2, await StreamEvents.AccessRecordsAsync(factory.ConnectionString, subjectId));
    }

    [Fact]
    public async Task Given_subject_When_profile_read_or_command_answers_Then_values_withheld_and_nothing_recorded()
    {
        var subjectId = await GivenSubjectAsync();
        using var officer = OfficerClient;

        var profile = await officer.GetAsync($"/api/subjects/{subjectId}").JsonAsync();
        var moved = await client.PostJsonAsync($"/api/subjects/{subjectId}/residency", new { jurisdiction = "VA" }).JsonAsync();

        foreach (var answer in new[] { profile, moved })
        {
            Assert.True(answer.GetProperty("valuesWithheld").GetBoolean());
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("email").ValueKind);
            Assert.DoesNotContain(Email, answer.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("order-77", answer.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(["D"], answer.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()!).ToArray());
        }

        Assert.Equal(0, await StreamEvents.AccessRecordsAsync(factory.ConnectionString, subjectId));
    }

    [Fact]
    public async Task Given_recorded_reads_When_analysts_query_the_view_Then_one_row_per_read_without_values()
    {
        var subjectId = await GivenSubjectAsync();
        using var officer = OfficerClient;
        await officer.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=security-investigation").JsonAsync();

        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using (var role = new NpgsqlCommand("set role callloop_analyst", connection))
        {
            await role.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand("select to_jsonb(a)::text from analytics.personal_data_access a where subject_id = @id", connection);
        query.Parameters.AddWithValue("id", subjectId);
        var rows = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        var row = JsonDocument.Parse(Assert.Single(rows)).RootElement;
        Assert.Equal((Officer, "security-investigation", "profile"), (row.GetProperty("accessed_by").GetString(), row.GetProperty("purpose").GetString(), row.GetProperty("accessed_view").GetString()));
        Assert.DoesNotContain(Email, rows[0], StringComparison.Ordinal);
    }

    private async Task<string> GivenSubjectAsync()
    {
        var subjectId = Api.NewSubjectId();
        await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA", email = Email }).JsonAsync();
        await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", new
        {
            category = "D",
            source = "direct",
            purposes = new[] { "provide-services" },
            data = new { order = "order-77" },
        }).JsonAsync();
        await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "know-s", type = "know-specific", channel = "email" }).JsonAsync();
        await client.PostJsonAsync($"/api/subjects/{subjectId}/requests/know-s/verification", new { method = "login" }).JsonAsync();
        return subjectId;
    }
}

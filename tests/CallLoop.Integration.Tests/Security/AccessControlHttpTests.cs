using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Security;

[Collection(SiloCollection.Name)]
public sealed class AccessControlHttpTests(SiloApplicationFactory factory)
{
    [Fact]
    public async Task Given_no_token_When_calling_the_api_Then_401_and_nothing_is_written()
    {
        var subjectId = $"acl-{Guid.NewGuid():N}";
        using var anonymous = factory.CreateClientAs("nobody");

        var response = await anonymous.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/subjects/{subjectId}")).StatusCode);
    }

    [Theory]
    [InlineData(13, HttpStatusCode.Unauthorized)]
    [InlineData(24 * 365, HttpStatusCode.Unauthorized)]
    [InlineData(11, HttpStatusCode.OK)]
    public async Task Given_a_validly_signed_token_When_it_lives_longer_than_the_maximum_lifetime_Then_401(int hours, HttpStatusCode expected)
    {
        var subjectId = $"acl-{Guid.NewGuid():N}";
        using var client = factory.CreateClient();
        var token = TokenIssuer.Issue(
            new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(AuthenticationSettings.DevelopmentSigningKey)),
            "long-lived",
            [Roles.Service],
            TimeSpan.FromHours(hours));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var response = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_need_no_token()
    {
        using var anonymous = factory.CreateClientAs("nobody");

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.PrivacyOfficer)]
    public async Task Given_role_without_service_rights_When_registering_a_subject_Then_403_and_nothing_is_written(string role)
    {
        var subjectId = $"acl-{Guid.NewGuid():N}";
        using var client = factory.CreateClientAs($"{role}-user", role);

        var response = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/subjects/{subjectId}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Service)]
    public async Task Given_role_that_may_not_see_personal_values_When_reading_a_profile_Then_403(string role)
    {
        var subjectId = $"acl-{Guid.NewGuid():N}";
        (await factory.CreateClient().PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA", email = "acl@example.com" })).EnsureSuccessStatusCode();
        using var client = factory.CreateClientAs($"{role}-user", role);

        var response = await client.GetAsync($"/api/subjects/{subjectId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("acl@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_service_token_When_registering_Then_the_event_records_who_did_it()
    {
        var subjectId = $"acl-{Guid.NewGuid():N}";
        using var service = factory.CreateClientAs("crm-sync", Roles.Service);

        (await service.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" })).EnsureSuccessStatusCode();

        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT headers ->> 'actor' FROM privacy.mt_events WHERE stream_id = @id", connection);
        command.Parameters.AddWithValue("id", subjectId);
        Assert.Equal("crm-sync", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Every_role_policy_names_only_known_roles()
    {
        Assert.All(AccessPolicies.RolesByPolicy.Values, roles => Assert.All(roles, role => Assert.Contains(role, Roles.All)));
    }

    [Fact]
    public async Task Given_an_endpoint_that_names_no_policy_When_any_role_calls_it_Then_the_fallback_refuses()
    {
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var everyRole = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            Roles.All.Select(role => new System.Security.Claims.Claim("role", role)), "Bearer", "sub", "role"));
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "unguarded"));

        Assert.False((await authorization.AuthorizeAsync(everyRole, http, AccessPolicies.Closed)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(everyRole, new DefaultHttpContext(), AccessPolicies.Closed)).Succeeded);
    }

    [Fact]
    public async Task Given_an_unknown_api_address_When_called_with_a_token_Then_404_not_a_refusal()
    {
        using var client = factory.CreateClientAs("officer-1", Roles.PrivacyOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/unheard-of")).StatusCode);
    }

    [Fact]
    public async Task Given_privacy_officer_When_recording_a_correction_Then_it_is_recorded()
    {
        var subjectId = $"acl-{Guid.NewGuid():N}";
        (await factory.CreateClient().PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA", email = "old@example.com" })).EnsureSuccessStatusCode();
        using var officer = factory.CreateClientAs("officer-1", Roles.PrivacyOfficer);

        var response = await officer.PostAsJsonAsync($"/api/subjects/{subjectId}/corrections", new { category = "A", field = "email", newValue = "new@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT headers ->> 'actor' FROM privacy.mt_events WHERE stream_id = @id AND type = 'personal_information_corrected'", connection);
        command.Parameters.AddWithValue("id", subjectId);
        Assert.Equal("officer-1", await command.ExecuteScalarAsync());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CallLoop.Integration.Tests.Http;
using CallLoop.Silo.Security;

namespace CallLoop.Integration.Tests.Security;

/// <summary>The console's production path: the person's access token from the OpenID Connect provider, sent to the API.</summary>
[Collection(OidcCollection.Name)]
public sealed class OidcTokenHttpTests(OidcSiloFactory factory)
{
    private HttpClient ClientWith(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Given_a_providers_token_for_this_API_Then_its_roles_are_the_callers_and_its_subject_is_the_actor()
    {
        var subjectId = await factory.CreateClientAs("crm", Roles.Service).RegisterAsync("CA");
        using var officer = ClientWith(factory.Provider.Token("officer-from-idp", OidcSiloFactory.Audience, [Roles.PrivacyOfficer]));

        await officer.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "oidc-1", type = "know-categories", channel = "web-form" }).JsonAsync();
        var timeline = await officer.GetAsync($"/api/subjects/{subjectId}/requests/oidc-1/timeline").JsonAsync();

        Assert.Equal("officer-from-idp", timeline[0].GetProperty("actor").GetString());
        Assert.True(factory.Provider.KeySetReads > 0);

        // The provider's role claim decides, as the API's own tokens' does: an analyst may not read a subject.
        using var analyst = ClientWith(factory.Provider.Token("analyst-from-idp", OidcSiloFactory.Audience, [Roles.Analyst]));
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/requests?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/subjects/{subjectId}")).StatusCode);
    }

    [Fact]
    public async Task Given_a_token_from_another_issuer_another_audience_an_unpublished_key_or_too_long_a_life_Then_401()
    {
        using var stranger = RSA.Create(2048);
        var provider = factory.Provider;
        string[] roles = [Roles.Analyst];
        var refused = new Dictionary<string, string>
        {
            ["other issuer"] = provider.Token("mallory", OidcSiloFactory.Audience, roles, issuer: "http://127.0.0.1:1/elsewhere"),
            ["other audience"] = provider.Token("mallory", "some-other-api", roles),
            ["unpublished key"] = provider.Token("mallory", OidcSiloFactory.Audience, roles, signingKey: stranger),
            ["the API's own audience"] = provider.Token("mallory", AuthenticationSettings.Audience, roles),
            ["lives 2 days"] = provider.Token("mallory", OidcSiloFactory.Audience, roles, lifetime: TimeSpan.FromDays(2)),
        };

        foreach (var (why, token) in refused)
        {
            using var client = ClientWith(token);
            Assert.True((await client.GetAsync("/api/requests?limit=1")).StatusCode == HttpStatusCode.Unauthorized, why);
        }

        // The API's own development tokens still pass beside the provider's.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClientAs("analyst-local", Roles.Analyst).GetAsync("/api/requests?limit=1")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Erasure;

[Collection(SiloCollection.Name)]
public sealed class ErasureHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_hold_on_commercial_information_When_delete_fulfilled_over_http_Then_response_names_kept_category_and_reason_and_export_still_opens_the_held_value()
    {
        var subjectId = Api.NewSubjectId();
        var (email, order) = ($"{subjectId}@example.org", $"order-{subjectId}");
        var subject = $"/api/subjects/{subjectId}";
        await client.PutAsJsonAsync(subject, new { jurisdiction = "CA", email }).JsonAsync();
        await client.PostJsonAsync($"{subject}/collections", new { category = "D", source = "direct", purposes = new[] { "provide-services" }, data = new { order } }).JsonAsync();
        await client.PostJsonAsync($"{subject}/legal-holds", new { holdId = "lit-7", categories = new[] { "D" }, reason = "Tax audit 2025" }).JsonAsync();
        Assert.Contains(email, (await client.GetAsync($"{subject}/export").JsonAsync()).GetRawText(), StringComparison.Ordinal);
        await client.PostJsonAsync($"{subject}/requests", new { requestId = "del-1", type = "delete", channel = "email" }).JsonAsync();
        await client.PostJsonAsync($"{subject}/requests/del-1/verification", new { method = "login" }).JsonAsync();

        var completed = await client.PostJsonAsync($"{subject}/requests/del-1/completion", new { outcome = "fulfilled" }).JsonAsync();

        var retained = System.Linq.Enumerable.Single(completed.GetProperty("retainedCategories").EnumerateArray());
        Assert.Equal(("D", "lit-7", "Tax audit 2025"), (retained.GetProperty("category").GetString(), retained.GetProperty("holdId").GetString(), retained.GetProperty("reason").GetString()));
        Assert.NotEqual(JsonValueKindNull, completed.GetProperty("erasedAt").ValueKind);
        var export = (await client.GetAsync($"{subject}/export").JsonAsync()).GetRawText();
        Assert.Contains(order, export, StringComparison.Ordinal);
        Assert.DoesNotContain(email, export, StringComparison.Ordinal);
        Assert.DoesNotContain("pii:1:", export, StringComparison.Ordinal);
        var keys = (await client.GetAsync($"/api/keys/subjects/{subjectId}").JsonAsync()).GetRawText();
        Assert.Contains("\"keyId\":\"D1\"", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("wrapped", keys, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_keys_under_the_current_master_key_When_rewrap_requested_Then_nothing_moves_and_only_admins_may_ask()
    {
        await client.RegisterAsync();

        var report = await client.PostJsonAsync("/api/keys/rewrap", new { }).JsonAsync();

        Assert.Equal(("development", 0), (report.GetProperty("currentMasterKeyId").GetString(), report.GetProperty("keysRewrapped").GetInt32()));
        Assert.True(report.GetProperty("subjects").GetInt32() >= 1);
        var officer = factory.CreateClientAs("officer", "privacy-officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync("/api/keys/rewrap", new { })).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

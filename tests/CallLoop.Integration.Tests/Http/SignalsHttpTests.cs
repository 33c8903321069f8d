using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class SignalsHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_opt_out_When_posted_Then_scope_is_opted_out_and_errors_name_scope_or_method()
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal("scope", await client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "everything", method = "email" }).FieldProblemAsync());
        Assert.Equal("method", await client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale" }).FieldProblemAsync());
        var profile = await client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "profiling", method = "unsubscribe-link" }).JsonAsync();

        var optOut = profile.GetProperty("optOuts")[0];
        Assert.Equal(("profiling", "unsubscribe-link"), (optOut.GetProperty("scope").GetString(), optOut.GetProperty("method").GetString()));
        Assert.Equal(2, await client.HistoryCountAsync(subjectId));

        var back = await client.PostJsonAsync($"/api/subjects/{subjectId}/opt-ins", new { scope = "profiling", method = "email" }).JsonAsync();
        Assert.Equal(0, back.GetProperty("optOuts").GetArrayLength());
    }

    [Fact]
    public async Task Given_gpc_signal_Then_sale_sharing_and_targeted_advertising_are_opted_out()
    {
        var subjectId = await client.RegisterAsync("TX");

        var profile = await client.PostJsonAsync("/api/signals/gpc", new { subjectId }).JsonAsync();

        Assert.Equal(new[] { "sale", "sharing", "targeted-advertising" }, profile.GetProperty("optOuts").Strings("scope").Order());
        Assert.Equal("subjectId", await client.PostJsonAsync("/api/signals/gpc", new { }).FieldProblemAsync());
    }
}

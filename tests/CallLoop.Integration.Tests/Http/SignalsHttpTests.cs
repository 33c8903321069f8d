using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;

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

    [Fact]
    public async Task Given_subject_with_phone_When_STOP_then_START_arrive_by_sms_Then_marketing_texts_stop_and_restart()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync(phone: phone.Typed);
        await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "marketing-sms", noticeVersion = "v1" }).JsonAsync();

        var stop = await client.PostJsonAsync("/api/sms/inbound", new { from = phone.Canonical, body = " stop " }).JsonAsync();
        Assert.Equal((subjectId, "opt-out", true), (stop.GetProperty("subjectId").GetString(), stop.GetProperty("keyword").GetString(), stop.GetProperty("marketingSmsOptedOut").GetBoolean()));
        Assert.DoesNotContain(phone.Canonical[2..], stop.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("opted-out", (await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms").JsonAsync()).GetProperty("reason").GetString());

        var start = await client.PostJsonAsync("/api/sms/inbound", new { from = phone.Typed, body = "START" }).JsonAsync();
        Assert.False(start.GetProperty("marketingSmsOptedOut").GetBoolean());
        Assert.True((await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms").JsonAsync()).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Given_unknown_or_malformed_sender_Then_404_or_400_without_echoing_the_number()
    {
        var stranger = TestPhones.Next();

        await client.PostJsonAsync("/api/sms/inbound", new { from = stranger.Typed, body = "STOP" })
            .ProblemAsync(HttpStatusCode.NotFound, stranger.Typed, stranger.Canonical, stranger.Canonical[2..]);
        Assert.Equal("from", await client.PostJsonAsync("/api/sms/inbound", new { from = "robin-phone-555", body = "STOP" }).FieldProblemAsync("robin-phone-555"));
        Assert.Equal("from", await client.PostJsonAsync("/api/sms/inbound", new { body = "STOP" }).FieldProblemAsync());
    }

    [Fact]
    public async Task Given_a_late_redelivery_of_an_sms_with_its_idempotency_key_Then_it_is_ignored()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync(phone: phone.Typed);

        await SendSmsAsync(phone.Canonical, "STOP", "message-1");
        await SendSmsAsync(phone.Canonical, "START", "message-2");
        var redelivered = await SendSmsAsync(phone.Canonical, "STOP", "message-1");

        Assert.False(redelivered.GetProperty("marketingSmsOptedOut").GetBoolean());
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    private Task<System.Text.Json.JsonElement> SendSmsAsync(string from, string body, string messageId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/inbound") { Content = JsonContent.Create(new { from, body }) };
        request.Headers.Add("Idempotency-Key", messageId);
        return client.SendAsync(request).JsonAsync();
    }
}

using System.Net;
using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>The silo is configured so that a delete request completes only once every affected processor acknowledged.</summary>
[Collection(PropagationCollection.Name)]
public sealed class AcknowledgementTests(PropagationSiloFactory silo)
{
    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_two_processors_When_delete_request_fulfilled_Then_it_completes_only_after_both_acknowledge_and_records_show_who_has()
    {
        await using var first = await WebhookReceiver.HealthyAsync();
        await using var second = await WebhookReceiver.HealthyAsync();
        var (firstSecret, secondSecret) = (PropagationDriver.NewSecret(), PropagationDriver.NewSecret());
        var firstName = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Ack A"), first.Url, firstSecret);
        var secondName = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Ack B"), second.Url, secondSecret);
        var subjectId = await driver.SubjectDisclosedToAsync(firstName, secondName);
        var requests = $"/api/subjects/{subjectId}/requests";
        await driver.Client.PostJsonAsync(requests, new { requestId = "del-1", type = "delete", channel = "email" }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/del-1/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();

        var fulfilled = await driver.Client.PostJsonAsync($"{requests}/del-1/completion", new { outcome = "fulfilled" }).JsonAsync();
        Assert.Equal("awaiting-processors", fulfilled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, fulfilled.GetProperty("completedAt").ValueKind);

        var firstDelivery = await DeliveryIdAsync(first);
        var secondDelivery = await DeliveryIdAsync(second);
        Assert.Equal("erase", JsonDocument.Parse(first.Requests.Single().Body).RootElement.GetProperty("action").GetString());
        await Eventually.ReturnsAsync(
            () => driver.Client.GetAsync($"{requests}/del-1").JsonAsync(),
            r => r.GetProperty("processorsNotified").GetArrayLength() == 2,
            PropagationDriver.Patience,
            "both processors on the request");

        // A bad signature, another processor's delivery and an unknown delivery change nothing.
        await driver.AcknowledgeAsync(firstName, secondSecret, subjectId, firstDelivery).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("unknown-delivery", await driver.AcknowledgeAsync(firstName, firstSecret, subjectId, secondDelivery).RuleProblemAsync());
        Assert.Equal("unknown-delivery", await driver.AcknowledgeAsync(firstName, firstSecret, subjectId, "dl-0000").RuleProblemAsync());
        await driver.AcknowledgeAsync("No Such Processor", firstSecret, subjectId, firstDelivery).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await driver.HistoryAsync(subjectId, "processor_acknowledged"));

        await driver.AcknowledgeAsync(firstName, firstSecret, subjectId, firstDelivery).JsonAsync();
        await driver.AcknowledgeAsync(firstName, firstSecret, subjectId, firstDelivery).JsonAsync();
        var halfway = await driver.Client.GetAsync($"{requests}/del-1").JsonAsync();
        Assert.Equal("awaiting-processors", halfway.GetProperty("status").GetString());
        Assert.Equal([firstName], halfway.GetProperty("processorsAcknowledged").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([secondName], halfway.GetProperty("processorsNotYetAcknowledged").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(await driver.HistoryAsync(subjectId, "processor_acknowledged"));
        var record = await RecordAsync(subjectId, r => r.GetProperty("processorsAcknowledged").GetArrayLength() == 1);
        Assert.Equal("awaiting-processors", record.GetProperty("status").GetString());
        Assert.True(record.GetProperty("isOpen").GetBoolean());
        Assert.Equal([secondName], record.GetProperty("processorsNotYetAcknowledged").EnumerateArray().Select(e => e.GetString()));

        await driver.AcknowledgeAsync(secondName, secondSecret, subjectId, secondDelivery).JsonAsync();
        var done = await driver.Client.GetAsync($"{requests}/del-1").JsonAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("fulfilled", done.GetProperty("outcome").GetString());
        Assert.Empty(done.GetProperty("processorsNotYetAcknowledged").EnumerateArray());
        var closed = await RecordAsync(subjectId, r => r.GetProperty("status").GetString() == "completed");
        Assert.False(closed.GetProperty("isOpen").GetBoolean());
        Assert.Equal(2, closed.GetProperty("processorsAcknowledged").GetArrayLength());
    }

    [Fact]
    public async Task Given_no_affected_processor_When_delete_request_fulfilled_Then_it_completes_once_propagation_found_none()
    {
        var subjectId = await driver.Client.RegisterAsync();
        var requests = $"/api/subjects/{subjectId}/requests";
        await driver.Client.PostJsonAsync(requests, new { requestId = "del-2", type = "delete", channel = "email" }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/del-2/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();

        Assert.Equal("awaiting-processors", (await driver.Client.PostJsonAsync($"{requests}/del-2/completion", new { outcome = "fulfilled" }).JsonAsync()).GetProperty("status").GetString());

        var done = await Eventually.ReturnsAsync(
            () => driver.Client.GetAsync($"{requests}/del-2").JsonAsync(),
            r => r.GetProperty("status").GetString() == "completed",
            PropagationDriver.Patience,
            "the request to complete");
        Assert.Empty(done.GetProperty("processorsNotified").EnumerateArray());
    }

    [Fact]
    public async Task Given_a_captured_webhook_When_replayed_as_an_acknowledgement_or_padded_with_extra_members_Then_refused_and_nothing_acknowledged()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var secret = PropagationDriver.NewSecret();
        var name = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Replay"), receiver.Url, secret);
        var subjectId = await driver.SubjectDisclosedToAsync(name);
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "del-r", type = "delete", channel = "email" }).JsonAsync();
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/requests/del-r/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/requests/del-r/completion", new { outcome = "fulfilled" }).JsonAsync();
        var webhook = (await PropagationDriver.RequestsWhenAsync(receiver, 1))[0];
        var deliveryId = JsonDocument.Parse(webhook.Body).RootElement.GetProperty("deliveryId").GetString()!;

        // The webhook as sent (body and both signature headers), posted back by whoever captured it.
        await driver.PostAcknowledgementAsync(name, webhook.Body, webhook.Headers["X-CallLoop-Timestamp"], webhook.Headers["X-CallLoop-Signature"])
            .ProblemAsync(HttpStatusCode.Unauthorized);

        // A correctly signed acknowledgement carrying a member it does not define.
        var padded = JsonSerializer.SerializeToUtf8Bytes(new { deliveryId, subjectId, processor = "someone else" });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal("processor", await driver.PostAcknowledgementAsync(name, padded, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), PropagationDriver.SignAcknowledgement(secret, timestamp, padded)).FieldProblemAsync());
        Assert.Empty(await driver.HistoryAsync(subjectId, "processor_acknowledged"));

        await driver.AcknowledgeAsync(name, secret, subjectId, deliveryId).JsonAsync();
        Assert.Single(await driver.HistoryAsync(subjectId, "processor_acknowledged"));
    }

    private static async Task<string> DeliveryIdAsync(WebhookReceiver receiver) =>
        JsonDocument.Parse((await PropagationDriver.RequestsWhenAsync(receiver, 1))[0].Body).RootElement.GetProperty("deliveryId").GetString()!;

    private Task<JsonElement> RecordAsync(string subjectId, Func<JsonElement, bool> done) =>
        Eventually.ReturnsAsync(
            async () => (await driver.Client.GetAsync("/api/requests?type=delete&limit=5000").JsonAsync())
                .GetProperty("requests").EnumerateArray().FirstOrDefault(r => r.GetProperty("subjectId").GetString() == subjectId),
            r => r.ValueKind == JsonValueKind.Object && done(r),
            PropagationDriver.Patience,
            "the request record");
}

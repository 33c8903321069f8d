using System.Text.Json;
using CallLoop.Contracts.Propagation;
using CallLoop.Grains.Propagation;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Propagation;

[Collection(PropagationCollection.Name)]
public sealed class WebhookDeliveryTests(PropagationSiloFactory silo)
{
    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_healthy_processor_When_subject_opts_out_Then_signed_webhook_without_personal_data_and_delivery_recorded()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var secret = PropagationDriver.NewSecret();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Healthy"), receiver.Url, secret);
        var subjectId = await driver.SubjectDisclosedToAsync(processor);

        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "unsubscribe-link" }).JsonAsync();

        var received = Assert.Single(await PropagationDriver.RequestsWhenAsync(receiver, 1));
        var timestamp = long.Parse(received.Headers["X-CallLoop-Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(PropagationDriver.SignWebhook(secret, timestamp, received.Body), received.Headers["X-CallLoop-Signature"]);
        Assert.NotEqual(PropagationDriver.SignWebhook(PropagationDriver.NewSecret(), timestamp, received.Body), received.Headers["X-CallLoop-Signature"]);

        var body = JsonDocument.Parse(received.Body).RootElement;
        var text = System.Text.Encoding.UTF8.GetString(received.Body);
        Assert.Equal(subjectId, body.GetProperty("subjectId").GetString());
        Assert.Equal("opt-out", body.GetProperty("action").GetString());
        Assert.Equal("sale", body.GetProperty("scope").GetString());
        Assert.True(body.GetProperty("sequence").GetInt64() > 0);
        Assert.Equal(received.Headers["X-CallLoop-Delivery"], body.GetProperty("deliveryId").GetString());
        Assert.DoesNotContain("@example.com", text);
        Assert.DoesNotContain("Robin", text);
        // The subject's phone in any form it could leak in (three digits alone turn up by chance in the ids and times).
        foreach (var (_, form) in new[] { PropagationDriver.SubjectPhone, PropagationDriver.SubjectPhoneCanonical }.SelectMany(Erasure.DatabaseScan.Forms))
        {
            Assert.DoesNotContain(form, text, StringComparison.Ordinal);
        }

        var delivered = Assert.Single(await driver.HistoryWhenAsync(subjectId, "webhook_delivered", 1));
        Assert.Equal(1, delivered.GetProperty("event").GetProperty("attempt").GetInt32());
        Assert.Equal(processor, Assert.Single(await driver.HistoryAsync(subjectId, "propagation_planned")).GetProperty("event").GetProperty("deliveries")[0].GetProperty("processor").GetString());
    }

    [Fact]
    public async Task Given_delivered_webhook_When_delivery_started_again_as_on_a_replay_Then_nothing_is_sent_twice()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Replay"), receiver.Url, PropagationDriver.NewSecret());
        var subjectId = await driver.SubjectDisclosedToAsync(processor);
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "marketing-email", basis = "express", noticeVersion = "2025-01" }).JsonAsync();
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/consents/marketing-email/withdrawal", new { channel = "email" }).JsonAsync();
        await driver.HistoryWhenAsync(subjectId, "webhook_delivered", 1);
        var deliveryId = JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement.GetProperty("deliveryId").GetString()!;

        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var delivery = grains.GetGrain<IWebhookDeliveryGrain>(WebhookDeliveryKey.Of(subjectId, deliveryId));
        await delivery.StartAsync();

        // The replayed start registered the grain's retry reminder; the attempt, finding the delivery settled, removes it.
        var reminders = silo.Services.GetRequiredService<IReminderTable>();
        await Eventually.ReturnsAsync(
            () => reminders.ReadRow(delivery.GetGrainId(), WebhookDeliveryGrain.ReminderName),
            reminder => reminder is null,
            PropagationDriver.Patience,
            "the replayed delivery to settle");

        Assert.Single(receiver.Requests);
        Assert.Single(await driver.HistoryAsync(subjectId, "webhook_delivered"));
        Assert.Equal("withdraw-consent", JsonDocument.Parse(receiver.Requests.Single().Body).RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Given_processor_failing_twice_When_subject_corrected_Then_delivered_on_the_third_attempt_with_failures_recorded_and_counted()
    {
        using var metrics = new WebhookMetricsProbe();
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: 2);
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Flaky"), receiver.Url, PropagationDriver.NewSecret());
        var subjectId = await driver.SubjectDisclosedToAsync(processor);

        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/corrections", new { category = "A", field = "name", newValue = "Robin Corrected" }).JsonAsync();

        var delivered = Assert.Single(await driver.HistoryWhenAsync(subjectId, "webhook_delivered", 1));
        var failures = await driver.HistoryAsync(subjectId, "webhook_attempt_failed");
        Assert.Equal(3, delivered.GetProperty("event").GetProperty("attempt").GetInt32());
        Assert.Equal(["http-503", "http-503"], failures.Select(f => f.GetProperty("event").GetProperty("failure").GetString()));
        Assert.Equal([503, 503, 200], receiver.Requests.Select(r => r.AnsweredWith));
        Assert.All(receiver.Requests, r => Assert.DoesNotContain("Robin", System.Text.Encoding.UTF8.GetString(r.Body)));
        Assert.Equal("A", JsonDocument.Parse(receiver.Requests.Last().Body).RootElement.GetProperty("category").GetString());
        Assert.Empty(await driver.HistoryAsync(subjectId, "webhook_dead_lettered"));

        // Counted from the committed events (the publication), with the failure code as the only tag.
        await Publication.Eventually.ReturnsAsync(
            () => Task.FromResult(metrics.Measurements.ToArray()),
            m => m.Any(x => x.Instrument == "callloop.webhooks.deliveries")
                && m.Count(x => x.Instrument == "callloop.webhooks.failures" && Equals(x.Tags.GetValueOrDefault("failure"), "http-503")) >= 2,
            PropagationDriver.Patience,
            "a delivery count and two http-503 failure counts");
        var measured = metrics.Measurements.ToArray();
        Assert.True(measured.Count(m => m.Instrument == "callloop.webhooks.failures" && Equals(m.Tags.GetValueOrDefault("failure"), "http-503")) >= 2);
        Assert.All(measured, m => Assert.All(m.Tags.Keys, key => Assert.Equal("failure", key)));
        Assert.DoesNotContain(measured, m => m.Tags.Values.Any(v => v is string s && (s.Contains(subjectId, StringComparison.Ordinal) || s.Contains(processor, StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Given_processor_that_never_answers_When_gpc_opts_subject_out_Then_attempts_time_out_and_each_delivery_is_dead_lettered()
    {
        await using var receiver = await WebhookReceiver.SilentAsync();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Silent"), receiver.Url, PropagationDriver.NewSecret());
        var subjectId = await driver.SubjectDisclosedToAsync(processor);

        await driver.Client.PostJsonAsync("/api/signals/gpc", new { subjectId }).JsonAsync();

        // GPC opts out of several scopes: one opt-out event, one plan and one delivery per scope.
        var optOuts = (await driver.HistoryAsync(subjectId, "opted_out")).Length;
        var dead = await driver.HistoryWhenAsync(subjectId, "webhook_dead_lettered", optOuts);
        var failures = await driver.HistoryAsync(subjectId, "webhook_attempt_failed");
        Assert.True(optOuts >= 2, $"GPC recorded {optOuts} opt-out(s)");
        Assert.Equal(optOuts, (await driver.HistoryAsync(subjectId, "propagation_planned")).Length);
        Assert.All(dead, d => Assert.Equal(PropagationSiloFactory.MaxAttempts, d.GetProperty("event").GetProperty("attempts").GetInt32()));
        Assert.Equal(Enumerable.Repeat("timeout", optOuts * PropagationSiloFactory.MaxAttempts), failures.Select(f => f.GetProperty("event").GetProperty("failure").GetString()));
        Assert.Empty(await driver.HistoryAsync(subjectId, "webhook_delivered"));
        Assert.Equal(optOuts * PropagationSiloFactory.MaxAttempts, receiver.Requests.Count);
        Assert.Equal(["opt-out"], receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("action").GetString()).Distinct());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Integration.Tests.Erasure;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Silo.Hosting;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>Processors' signing secrets are sealed under the master key in the registry, and still sign and verify.</summary>
[Collection(PropagationCollection.Name)]
public sealed class SigningSecretAtRestTests(PropagationSiloFactory silo)
{
    private static readonly string SealedUnderDevelopmentKey = $"secret:1:{EncryptionKeyConfiguration.DevelopmentMasterKeyId}:";

    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_processor_registered_with_a_distinctive_secret_When_sent_an_erasure_and_it_acknowledges_Then_the_secret_is_nowhere_in_the_database_yet_signs_and_verifies()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var secret = StoredSecrets.Distinctive("at-rest");
        var name = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Sealed"), receiver.Url, secret);

        var (stored, hint) = await StoredSecrets.ReadAsync(silo.ConnectionString, name);
        Assert.StartsWith(SealedUnderDevelopmentKey, stored, StringComparison.Ordinal);
        Assert.Equal("..." + secret[^4..], hint);
        var views = new[]
        {
            await (await driver.Client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync(),
            await (await driver.Client.GetAsync("/api/processors")).Content.ReadAsStringAsync(),
            await (await driver.Client.GetAsync($"/api/recipients/{Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync(),
        };
        Assert.Contains("\"signingSecretHint\":\"..." + secret[^4..] + "\"", views[0], StringComparison.Ordinal);
        Assert.All(views, view => Assert.DoesNotContain(secret[..20], view, StringComparison.Ordinal));
        Assert.All(views, view => Assert.DoesNotContain("secret:1:", view, StringComparison.Ordinal));

        var subjectId = await driver.SubjectDisclosedToAsync(name);
        var requests = $"/api/subjects/{subjectId}/requests";
        await driver.Client.PostJsonAsync(requests, new { requestId = "del-sealed", type = "delete", channel = "email" }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/del-sealed/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/del-sealed/completion", new { outcome = "fulfilled" }).JsonAsync();

        var webhook = Assert.Single(await PropagationDriver.RequestsWhenAsync(receiver, 1));
        var timestamp = long.Parse(webhook.Headers["X-CallLoop-Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(PropagationDriver.SignWebhook(secret, timestamp, webhook.Body), webhook.Headers["X-CallLoop-Signature"]);
        Assert.NotEqual(PropagationDriver.SignWebhook(stored!, timestamp, webhook.Body), webhook.Headers["X-CallLoop-Signature"]);
        var deliveryId = JsonDocument.Parse(webhook.Body).RootElement.GetProperty("deliveryId").GetString()!;
        await Eventually.ReturnsAsync(
            () => driver.Client.GetAsync($"{requests}/del-sealed").JsonAsync(),
            r => r.GetProperty("processorsNotified").GetArrayLength() == 1,
            PropagationDriver.Patience,
            "the processor on the request");

        // Signed with a wrong secret, or with the sealed text itself: refused, and the answer does not quote the secret.
        await driver.AcknowledgeAsync(name, StoredSecrets.Distinctive("wrong"), subjectId, deliveryId).ProblemAsync(HttpStatusCode.Unauthorized, secret, stored!);
        await driver.AcknowledgeAsync(name, stored!, subjectId, deliveryId).ProblemAsync(HttpStatusCode.Unauthorized, secret, stored!);
        Assert.Empty(await driver.HistoryAsync(subjectId, "processor_acknowledged"));

        await driver.AcknowledgeAsync(name, secret, subjectId, deliveryId).JsonAsync();
        Assert.Equal("completed", (await driver.Client.GetAsync($"{requests}/del-sealed").JsonAsync()).GetProperty("status").GetString());

        Assert.Empty(await DatabaseScan.FindAsync(silo.ConnectionString, [secret]));
    }

    [Fact]
    public async Task Given_registry_row_with_a_clear_secret_from_before_sealing_When_used_and_then_updated_Then_it_signs_and_verifies_throughout_and_the_update_seals_it()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var secret = StoredSecrets.Distinctive("legacy");
        var name = PropagationDriver.NewProcessorName("Legacy");
        await using (var session = silo.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Store(new Recipient { Id = name, Address = "4 Old Way", Type = RecipientType.ServiceProvider, WebhookUrl = receiver.Url, SigningSecret = secret });
            await session.SaveChangesAsync();
        }

        Assert.Equal("..." + secret[^4..], (await driver.Client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}").JsonAsync()).GetProperty("signingSecretHint").GetString());
        var subjectId = await driver.SubjectDisclosedToAsync(name);
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "unsubscribe-link" }).JsonAsync();
        var webhook = Assert.Single(await PropagationDriver.RequestsWhenAsync(receiver, 1));
        var timestamp = long.Parse(webhook.Headers["X-CallLoop-Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(PropagationDriver.SignWebhook(secret, timestamp, webhook.Body), webhook.Headers["X-CallLoop-Signature"]);

        // Verified before the update: a valid signature gets as far as the delivery check, a wrong one does not.
        Assert.Equal("unknown-delivery", await driver.AcknowledgeAsync(name, secret, subjectId, "dl-0000").RuleProblemAsync());
        await driver.AcknowledgeAsync(name, StoredSecrets.Distinctive("wrong"), subjectId, "dl-0000").ProblemAsync(HttpStatusCode.Unauthorized);

        var updated = await driver.Client.PutAsJsonAsync(
            $"/api/processors/{Uri.EscapeDataString(name)}",
            new { type = "service-provider", address = "5 New Way", categories = Array.Empty<string>(), webhookUrl = receiver.Url }).JsonAsync();

        var (stored, hint) = await StoredSecrets.ReadAsync(silo.ConnectionString, name);
        Assert.StartsWith(SealedUnderDevelopmentKey, stored, StringComparison.Ordinal);
        Assert.Equal(("..." + secret[^4..], "..." + secret[^4..]), (hint, updated.GetProperty("signingSecretHint").GetString()));
        Assert.Equal("unknown-delivery", await driver.AcknowledgeAsync(name, secret, subjectId, "dl-0000").RuleProblemAsync());
        await driver.AcknowledgeAsync(name, StoredSecrets.Distinctive("wrong"), subjectId, "dl-0000").ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await DatabaseScan.FindAsync(silo.ConnectionString, [secret]));
    }
}

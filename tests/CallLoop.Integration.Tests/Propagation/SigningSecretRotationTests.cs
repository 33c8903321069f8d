using System.Text.Json;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Integration.Tests.Erasure;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Propagation;

public sealed class SigningSecretRotationTests
{
    [Fact]
    public async Task Given_secrets_sealed_under_the_old_master_key_or_in_clear_When_the_key_rotates_and_rewrap_runs_Then_they_sign_and_verify_before_and_after_and_once_the_old_key_is_gone()
    {
        var connectionString = await TestDatabases.CreateAsync("secret_rotation");
        var logs = new CapturedLogs();
        await using var sealedReceiver = await WebhookReceiver.HealthyAsync();
        await using var legacyReceiver = await WebhookReceiver.HealthyAsync();
        var (sealedSecret, legacySecret) = (StoredSecrets.Distinctive("rotated"), StoredSecrets.Distinctive("rotated-legacy"));
        var (sealedName, legacyName) = (PropagationDriver.NewProcessorName("Rotated"), PropagationDriver.NewProcessorName("Legacy"));

        await using (var first = await KeyedSiloFactory.StartAsync(connectionString, logs, (TestMasterKeys.FirstId, TestMasterKeys.First)))
        {
            await Driver(first).RegisterProcessorAsync(sealedName, sealedReceiver.Url, sealedSecret);
            await using var session = first.Services.GetRequiredService<IDocumentStore>().LightweightSession();
            session.Store(new Recipient { Id = legacyName, Address = "6 Old Way", Type = RecipientType.ServiceProvider, WebhookUrl = legacyReceiver.Url, SigningSecret = legacySecret });
            await session.SaveChangesAsync();
        }

        Assert.StartsWith($"secret:1:{TestMasterKeys.FirstId}:", (await StoredSecrets.ReadAsync(connectionString, sealedName)).Secret, StringComparison.Ordinal);
        Assert.Equal(legacySecret, (await StoredSecrets.ReadAsync(connectionString, legacyName)).Secret);

        // Rotated: the second key is current, the first still configured. Both secrets still sign and verify.
        await using (var second = await KeyedSiloFactory.StartAsync(connectionString, logs, (TestMasterKeys.SecondId, TestMasterKeys.Second), (TestMasterKeys.FirstId, TestMasterKeys.First)))
        {
            var driver = Driver(second);
            await EraseThroughBothAsync(driver, expectedWebhooks: 1);

            var report = await driver.Client.PostJsonAsync("/api/keys/rewrap", new { }).JsonAsync();
            Assert.Equal((TestMasterKeys.SecondId, 2), (report.GetProperty("currentMasterKeyId").GetString(), report.GetProperty("processorSecretsResealed").GetInt32()));
            Assert.Equal(0, (await driver.Client.PostJsonAsync("/api/keys/rewrap", new { }).JsonAsync()).GetProperty("processorSecretsResealed").GetInt32());
        }

        foreach (var name in new[] { sealedName, legacyName })
        {
            Assert.StartsWith($"secret:1:{TestMasterKeys.SecondId}:", (await StoredSecrets.ReadAsync(connectionString, name)).Secret, StringComparison.Ordinal);
        }

        // The old key retired: both secrets still sign and verify.
        await using (var third = await KeyedSiloFactory.StartAsync(connectionString, logs, (TestMasterKeys.SecondId, TestMasterKeys.Second)))
        {
            await EraseThroughBothAsync(Driver(third), expectedWebhooks: 2);
        }

        Assert.Empty(await DatabaseScan.FindAsync(connectionString, [sealedSecret, legacySecret]));
        Assert.NotEmpty(logs.Lines);
        var forms = new[] { sealedSecret, legacySecret }.SelectMany(DatabaseScan.Forms).Select(f => f.Text).ToArray();
        Assert.DoesNotContain(logs.Lines, line => forms.Any(form => line.Contains(form, StringComparison.Ordinal)));

        // A subject disclosed to both processors asks to be deleted: each is sent a webhook signed with its clear
        // secret, a wrong secret cannot acknowledge, and the request completes once both acknowledged with theirs.
        async Task EraseThroughBothAsync(PropagationDriver driver, int expectedWebhooks)
        {
            var subjectId = await driver.SubjectDisclosedToAsync(sealedName, legacyName);
            var requests = $"/api/subjects/{subjectId}/requests";
            await driver.Client.PostJsonAsync(requests, new { requestId = "del-1", type = "delete", channel = "email" }).JsonAsync();
            await driver.Client.PostJsonAsync($"{requests}/del-1/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
            await driver.Client.PostJsonAsync($"{requests}/del-1/completion", new { outcome = "fulfilled" }).JsonAsync();

            foreach (var (name, secret, receiver) in new[] { (sealedName, sealedSecret, sealedReceiver), (legacyName, legacySecret, legacyReceiver) })
            {
                var webhook = (await PropagationDriver.RequestsWhenAsync(receiver, expectedWebhooks))[expectedWebhooks - 1];
                var timestamp = long.Parse(webhook.Headers["X-CallLoop-Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(PropagationDriver.SignWebhook(secret, timestamp, webhook.Body), webhook.Headers["X-CallLoop-Signature"]);
                var body = JsonDocument.Parse(webhook.Body).RootElement;
                Assert.Equal(subjectId, body.GetProperty("subjectId").GetString());
                var deliveryId = body.GetProperty("deliveryId").GetString()!;
                await Eventually.ReturnsAsync(
                    () => driver.Client.GetAsync($"{requests}/del-1").JsonAsync(),
                    r => r.GetProperty("processorsNotified").GetArrayLength() == 2,
                    PropagationDriver.Patience,
                    "both processors on the request");
                await driver.AcknowledgeAsync(name, StoredSecrets.Distinctive("wrong"), subjectId, deliveryId).ProblemAsync(System.Net.HttpStatusCode.Unauthorized);
                await driver.AcknowledgeAsync(name, secret, subjectId, deliveryId).JsonAsync();
            }

            Assert.Equal("completed", (await driver.Client.GetAsync($"{requests}/del-1").JsonAsync()).GetProperty("status").GetString());
        }
    }

    private static PropagationDriver Driver(KeyedSiloFactory factory) => new(factory.CreateClient(), factory.Services.GetRequiredService<IGrainFactory>());
}

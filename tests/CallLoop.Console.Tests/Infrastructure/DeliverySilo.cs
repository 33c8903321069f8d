using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallLoop.Console.Tests.Browser;
using CallLoop.Silo.Hosting;
using CallLoop.Testing;

namespace CallLoop.Console.Tests.Infrastructure;

/// <summary>
/// A silo that propagates erasures to processors (publication on) and dead-letters a webhook after
/// <see cref="MaxAttempts"/> quick attempts; its processors' webhooks point at a port nobody listens on.
/// </summary>
public sealed class DeliverySilo : IAsyncLifetime
{
    public const int MaxAttempts = 2;

    public SiloHost Silo { get; private set; } = default!;

    public async Task InitializeAsync() => Silo = await SiloHost.StartAsync(new Dictionary<string, string>
    {
        [SiloHostingExtensions.PublicationEnabledKey] = "true",
        ["CallLoop:Propagation:AllowedWebhookNetworks:0"] = "127.0.0.1/32",
        ["CallLoop:Propagation:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CallLoop:Propagation:FirstRetryDelay"] = "00:00:00.200",
        ["CallLoop:Propagation:MaxRetryDelay"] = "00:00:00.500",
        ["CallLoop:Propagation:AttemptTimeout"] = "00:00:02",
    });

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }

    /// <summary>A fulfilled delete request whose webhook to an unreachable processor was dead-lettered: its subject and delivery.</summary>
    public async Task<(string SubjectId, string DeliveryId)> DeadLetteredDeliveryAsync()
    {
        using var admin = Silo.ClientAs("admin-api", "admin");
        using var service = Silo.ClientAs("crm", "service");
        using var officer = Silo.ClientAs("officer-api", "privacy-officer");
        var processor = $"Unreachable {Guid.NewGuid():N}"[..24];
        (await admin.PostAsJsonAsync("api/processors", new
        {
            name = processor,
            type = "service-provider",
            address = "1 Processor Way, Springfield",
            categories = Array.Empty<string>(),
            webhookUrl = $"http://127.0.0.1:{FreePorts.Next()}/erasures",
            signingSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        })).EnsureSuccessStatusCode();

        var subjectId = $"dl-{Guid.NewGuid():N}"[..16];
        await Arrange.RegisterAsync(service, subjectId, "dead.letter@example.com");
        (await service.PostAsJsonAsync($"api/subjects/{subjectId}/disclosures", new { recipient = processor, recipientType = "service-provider", purpose = "business-purpose", categories = new[] { "B" } })).EnsureSuccessStatusCode();
        await Arrange.ReceiveDeleteAsync(officer, subjectId, "del-1");
        (await officer.PostAsJsonAsync($"api/subjects/{subjectId}/requests/del-1/verification", new { method = "data-points", dataPointsMatched = 2 })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"api/subjects/{subjectId}/requests/del-1/completion", new { outcome = "fulfilled" })).EnsureSuccessStatusCode();

        var deliveryId = await UntilAsync(admin, subjectId, d => d.GetProperty("status").GetString() == "dead-lettered");
        return (subjectId, deliveryId.GetProperty("deliveryId").GetString()!);
    }

    /// <summary>Waits until the delivery queue across subjects (a projection) lists the delivery as dead-lettered.</summary>
    public async Task UntilDeadLetterQueueListsAsync(string deliveryId)
    {
        using var admin = Silo.ClientAs("admin-api", "admin");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await admin.GetStringAsync("api/deliveries?status=dead-lettered&limit=500", timeout.Token)).Contains(deliveryId, StringComparison.Ordinal))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Waits until one of the subject's deliveries satisfies <paramref name="condition"/> (as the admins' API shows it).</summary>
    public static async Task<JsonElement> UntilAsync(HttpClient admin, string subjectId, Func<JsonElement, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var deliveries = JsonDocument.Parse(await admin.GetStringAsync($"api/subjects/{subjectId}/deliveries", timeout.Token));
            if (deliveries.RootElement.EnumerateArray().FirstOrDefault(condition) is { ValueKind: JsonValueKind.Object } found)
            {
                return found.Clone();
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DeliverySiloCollection : ICollectionFixture<DeliverySilo>
{
    public const string Name = "silo with dead-lettered deliveries";
}

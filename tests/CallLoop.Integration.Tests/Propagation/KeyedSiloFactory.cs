using CallLoop.Grains.Keys;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// The propagation silo on a database that outlives it, deployed with the master keys given (the first is current),
/// as a redeployment with a changed <c>CallLoop:Encryption</c> would be; its logs are captured.
/// </summary>
public sealed class KeyedSiloFactory(string connectionString, CapturedLogs logs, params (string Id, string Key)[] masterKeys) : SiloApplicationFactory
{
    public static async Task<KeyedSiloFactory> StartAsync(string connectionString, CapturedLogs logs, params (string Id, string Key)[] masterKeys)
    {
        var factory = new KeyedSiloFactory(connectionString, logs, masterKeys);
        await factory.InitializeAsync();
        _ = factory.Server; // starts the host
        return factory;
    }

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(SiloHostingExtensions.PublicationEnabledKey, "true");
        builder.UseSetting("CallLoop:Propagation:DeleteRequiresAcknowledgements", "true");
        builder.UseSetting("CallLoop:Propagation:AllowedWebhookNetworks:0", WebhookReceiver.Network);
        builder.UseSetting("CallLoop:Propagation:FirstRetryDelay", "00:00:00.300");
        builder.UseSetting("CallLoop:Propagation:AttemptTimeout", "00:00:03");
        builder.UseSetting($"{EncryptionOptions.SectionName}:{nameof(EncryptionOptions.CurrentMasterKeyId)}", masterKeys[0].Id);
        foreach (var (id, key) in masterKeys)
        {
            builder.UseSetting($"{EncryptionOptions.SectionName}:{nameof(EncryptionOptions.MasterKeys)}:{id}", key);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }
}

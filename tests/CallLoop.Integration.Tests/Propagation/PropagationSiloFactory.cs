using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// The silo with the publication subscription on (propagation is driven by it), fast webhook retries
/// (3 attempts, 300 ms doubling, a 3 s timeout: a healthy receiver answers well within it even on a loaded machine) and delete requests that wait for processors' acknowledgements.
/// </summary>
public sealed class PropagationSiloFactory : SiloApplicationFactory
{
    public const int MaxAttempts = 3;

    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync("propagation");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(SiloHostingExtensions.PublicationEnabledKey, "true");
        builder.UseSetting("CallLoop:Propagation:DeleteRequiresAcknowledgements", "true");
        builder.UseSetting("CallLoop:Propagation:AllowedWebhookNetworks:0", WebhookReceiver.Network);
        builder.UseSetting("CallLoop:Propagation:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CallLoop:Propagation:FirstRetryDelay", "00:00:00.300");
        builder.UseSetting("CallLoop:Propagation:MaxRetryDelay", "00:00:01");
        builder.UseSetting("CallLoop:Propagation:AttemptTimeout", "00:00:03");
    }
}

[CollectionDefinition(Name)]
public sealed class PropagationCollection : ICollectionFixture<PropagationSiloFactory>
{
    public const string Name = "propagation silo";
}

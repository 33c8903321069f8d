using CallLoop.Integration.Tests.Publication;
using CallLoop.Silo.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// <c>CallLoop:Daemon:PollPeriod</c> is how often Marten's daemon looks for new events, after a look that found some
/// and after one that did not alike: the silo hands it to the store it builds.
/// </summary>
[Collection(PublicationCollection.Name)]
public sealed class DaemonPollPeriodTests(PublicationClusterFixture fixture)
{
    [Fact]
    public void Given_a_running_silo_without_the_setting_When_its_daemon_looks_for_events_Then_it_looks_every_100_ms()
    {
        foreach (var silo in fixture.Cluster.Silos.Cast<InProcessSiloHandle>())
        {
            var store = (DocumentStore)silo.SiloHost.Services.GetRequiredService<IDocumentStore>();

            Assert.Equal(TimeSpan.FromMilliseconds(100), store.Options.Projections.FastPollingTime);
            Assert.Equal(TimeSpan.FromMilliseconds(100), store.Options.Projections.SlowPollingTime);
        }
    }

    [Fact]
    public void Given_a_configured_period_When_the_silo_configures_the_store_Then_the_daemon_looks_every_period()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CallLoop:Daemon:PollPeriod"] = "00:00:00.250" })
            .Build());
        services.AddDaemonShards(publish: true, runDaemon: false);
        using var provider = services.BuildServiceProvider();
        var store = new StoreOptions();

        foreach (var configure in provider.GetServices<IConfigureMarten>())
        {
            configure.Configure(provider, store);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(250), store.Projections.FastPollingTime);
        Assert.Equal(TimeSpan.FromMilliseconds(250), store.Projections.SlowPollingTime);
    }
}

using CallLoop.Silo.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// <c>CallLoop:Daemon:PollPeriod</c> is how often Marten's daemon looks for new events, after a look that found some
/// and after one that did not alike: the silo hands it to the store it builds.
/// </summary>
public sealed class DaemonPollPeriodTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("00:00:00.250", 250)]
    public void Given_the_daemon_settings_When_the_silo_configures_the_store_Then_the_daemon_looks_every_poll_period(string? configured, int expectedMilliseconds)
    {
        var settings = new Dictionary<string, string?>();
        if (configured is not null)
        {
            settings["CallLoop:Daemon:PollPeriod"] = configured;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDaemonShards(publish: true, runDaemon: false);
        using var provider = services.BuildServiceProvider();
        var store = new StoreOptions();

        foreach (var configure in provider.GetServices<IConfigureMarten>())
        {
            configure.Configure(provider, store);
        }

        var expected = TimeSpan.FromMilliseconds(expectedMilliseconds);
        Assert.Equal(expected, store.Projections.FastPollingTime);
        Assert.Equal(expected, store.Projections.SlowPollingTime);
    }
}

using CallLoop.Grains.Deadlines;
using CallLoop.Silo.Hosting;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Publication;

/// <summary>
/// Test silos with the production wiring plus short clocks: reminders may tick every second, a failed deadline
/// fact is retried after two seconds, a stopped daemon leader is replaced within half a second, and a sequence gap
/// counts as stale after a second.
/// </summary>
public sealed class PublicationSilo : ISiloConfigurator
{
    public const string ConnectionStringKey = "CallLoop:TestConnectionString";

    /// <summary>The daemon's stale-sequence threshold here (production keeps Marten's 3 s).</summary>
    public static readonly TimeSpan StaleSequenceThreshold = TimeSpan.FromSeconds(1);

    /// <param name="settings">Extra configuration of every silo (e.g. a short "CallLoop:Retention:AfterAccountEnds").</param>
    public static TestCluster Build(string connectionString, string serviceId, short silos, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = $"{serviceId}-{Guid.NewGuid():N}"[..Math.Min(40, serviceId.Length + 33)];
        builder.Properties[ConnectionStringKey] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<PublicationSilo>();
        return builder.Build();
    }

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey]
            ?? throw new InvalidOperationException("The test cluster has no connection string.");
        siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        siloBuilder.Services.AddCallLoopGrainServices();
        siloBuilder.AddCallLoopProviders();
        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        siloBuilder.Services.Configure<DeadlineOptions>(o => o.RetryPeriod = TimeSpan.FromSeconds(2));
        siloBuilder.Services.Configure<CallLoop.Grains.Retention.RetentionOptions>(o => o.RetryPeriod = TimeSpan.FromSeconds(2));
        siloBuilder.Services.ConfigureMarten(o =>
        {
            o.Projections.LeadershipPollingTime = 500;
            o.Projections.StaleSequenceThreshold = StaleSequenceThreshold;
        });
        siloBuilder.Services.Configure<CallLoop.EventStore.Phones.PhoneIndexOptions>(o => o.Key = Infrastructure.SubjectClusterFixture.PhoneIndexKey);
        siloBuilder.Services.Configure<CallLoop.Grains.Keys.EncryptionOptions>(Infrastructure.TestMasterKeys.Configure);
    }
}

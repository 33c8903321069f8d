using System.Net;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.CatchUps;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Phones;
using CallLoop.EventStore.Recipients;
using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Subjects;
using CallLoop.Silo.Daemon;
using CallLoop.Silo.GrainAccess;
using CallLoop.Grains.Daemon;
using CallLoop.Grains.Retention;
using CallLoop.Silo.Incidents;
using CallLoop.Silo.Publication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace CallLoop.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The Aspire connection name of the one PostgreSQL database that Marten and Orleans share.</summary>
    public const string DatabaseConnectionName = "calloopdb";

    public const string Invariant = "Npgsql";

    public const string PubSubStore = "PubSubStore";

    /// <summary>Setting that turns publication of committed events off (default on).</summary>
    public const string PublicationEnabledKey = "CallLoop:Publication:Enabled";

    /// <summary>
    /// Whether this silo takes part in running Marten's async daemon (the analysts' projections and publication).
    /// Off on some replicas keeps their cores for commands; at least one replica must keep it on.
    /// </summary>
    public const string DaemonEnabledKey = "CallLoop:Daemon:Enabled";

    /// <summary>Orleans' failure detection (<see cref="ClusterMembershipOptions"/>), for admins who tune it.</summary>
    public const string MembershipSection = "CallLoop:Membership";

    /// <summary>
    /// The first probe timeout unless "CallLoop:Membership:ProbeTimeout" says otherwise (Orleans: 5 s). Orleans adapts
    /// it per silo to the answers it sees, between half and four times this value, and stretches it further while the
    /// prober itself is slow, so a loaded machine does not wrongly declare a live silo dead. A killed silo is declared
    /// dead 2–5 s after its SIGKILL, against 12.5 s with Orleans' 5 s (measured; docs/admins.md).
    /// </summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Probes a silo may miss before it is suspected (Orleans' own default, kept: one slow answer is no death).</summary>
    public const int DefaultNumMissedProbesLimit = 3;

    /// <summary>
    /// The whole silo: one NpgsqlDataSource (Aspire.Npgsql: pooling, health check, telemetry) shared by Marten
    /// and every Orleans ADO.NET provider, the Orleans schema, the event store and Orleans itself.
    /// </summary>
    public static WebApplicationBuilder AddCallLoopSilo(this WebApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(DatabaseConnectionName);
        builder.AddPhoneIndexKey();
        builder.AddEncryptionKeys();

        // Registered before Orleans so that the schema exists when the silo joins the cluster.
        builder.Services.AddHostedService<OrleansSchemaInstaller>();
        builder.Services.AddIncidentObligationMetrics();
        builder.Services.AddCallLoopGrainServices(
            publish: builder.Configuration.GetValue(PublicationEnabledKey, true),
            runDaemon: builder.Configuration.GetValue(DaemonEnabledKey, true));

        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> o) =>
                o.PostConfigure<NpgsqlDataSource>((options, dataSource) =>
                    (options.Invariant, options.DataSource, options.ConnectionString) = (Invariant, dataSource, null)));
            silo.AddCallLoopProviders();
            silo.AddGuardedGrainAccess(builder.Configuration, builder.Environment);

            // How fast a dead silo is found, and with it how fast its grains and daemon shards move: our defaults,
            // then whatever "CallLoop:Membership" sets (any ClusterMembershipOptions property).
            silo.Configure<ClusterMembershipOptions>(o =>
                (o.ProbeTimeout, o.NumMissedProbesLimit) = (DefaultProbeTimeout, DefaultNumMissedProbesLimit));
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(MembershipSection));

            var advertised = builder.Configuration["CallLoop:AdvertisedAddress"];
            if (!string.IsNullOrWhiteSpace(advertised))
            {
                silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Parse(advertised));
            }
        });
        return builder;
    }

    /// <summary>
    /// What grains need from the container: the event store on the shared data source, the phone index and a clock.
    /// The phone index key (<see cref="PhoneIndexOptions"/>) is configured by the host.
    /// </summary>
    /// <param name="publish">
    /// False only where a host must not publish (tests of reports that do not need live subscribers);
    /// deadline reminders are scheduled from the publication, so production always publishes.
    /// </param>
    /// <param name="runDaemon">
    /// False on replicas that leave the daemon to others (<see cref="DaemonEnabledKey"/>), and where a host measures
    /// the write path alone (the benchmark): neither the analysts' projections nor publication run in this process.
    /// Among the replicas that run it, each shard (an async projection, the publication) has its own leader: the
    /// shard's grain (<see cref="DaemonShardGrain"/>), placed so the shards spread over those replicas.
    /// </param>
    public static IServiceCollection AddCallLoopGrainServices(this IServiceCollection services, bool publish = true, bool runDaemon = true)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Marten's own leader election stays off: each shard of the async daemon (the analysts' async projections
        // and, when publishing, the subscription that carries committed events to Orleans streams) is started by its
        // grain in the silo that grain lives on, fenced by the shard's advisory lock.
        var store = services.AddPrivacyEventStore();
        if (runDaemon && publish)
        {
            store.AddSubjectEventPublication();
            services.AddCallLoopPublication();
        }

        store.AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.ExternallyManaged);
        services.AddDaemonShards(publish, runDaemon);

        services.AddCallLoopGrainSettings();
        services.AddGroupCommitWriter();
        services.TryAddSingleton<SubjectStreams>();
        services.TryAddSingleton<ISubjectStreams>(sp => sp.GetRequiredService<SubjectStreams>());
        services.TryAddSingleton<RecipientRegistry>();
        services.TryAddSingleton<PhoneIndex>();
        services.TryAddSingleton<OneTimeCatchUps>();
        services.TryAddSingleton<WithoutAccountTraces>();
        services.TryAddSingleton<RetentionCatchUp>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RetentionCatchUp>());
        services.AddSubjectKeys();
        services.AddCallLoopIncidents();
        return services;
    }

    /// <summary>Grain storage, reminders and (unless configured otherwise) streams on PostgreSQL; clustering is chosen by the host.</summary>
    public static ISiloBuilder AddCallLoopProviders(this ISiloBuilder silo)
    {
        // PostConfigure: Aspire's configuration may also name a connection string; the shared data source wins.
        silo.AddAdoNetGrainStorageAsDefault((OptionsBuilder<AdoNetGrainStorageOptions> o) => o.PostConfigure<NpgsqlDataSource>(UseShared));
        silo.AddAdoNetGrainStorage(PubSubStore, (OptionsBuilder<AdoNetGrainStorageOptions> o) => o.PostConfigure<NpgsqlDataSource>(UseShared));
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> o) =>
            o.PostConfigure<NpgsqlDataSource>((options, dataSource) =>
                (options.Invariant, options.DataSource, options.ConnectionString) = (Invariant, dataSource, null)));
        silo.AddSubjectEventStreams();
        silo.AddSubjectKeyStorage();
        GrainInterfaceTypeCache.Register(silo.Services);
        return silo;
    }

    private static void UseShared(AdoNetGrainStorageOptions options, NpgsqlDataSource dataSource) =>
        (options.Invariant, options.DataSource, options.ConnectionString) = (Invariant, dataSource, null);
}

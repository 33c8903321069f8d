using Microsoft.Extensions.Options;
using Npgsql;
using CallLoop.Contracts.Publication;
using Orleans.Configuration;
using Orleans.Streams;

namespace CallLoop.Silo.Hosting;

/// <summary>
/// The stream provider behind <see cref="SubjectEventStream.ProviderName"/>. By default it is Orleans' ADO.NET
/// provider on the shared PostgreSQL data source: a published batch is a committed row before the publisher moves
/// on, so a silo that dies holding it only delays it (another silo delivers it once its visibility timeout passes).
/// "CallLoop:Streams:Provider" = "Memory" selects the in-memory provider (nothing survives its silo) for hosts that
/// need no durability.
/// </summary>
public static class SubjectEventStreamsHosting
{
    public const string ProviderKey = "CallLoop:Streams:Provider";

    /// <summary>How long a dequeued batch stays hidden before another silo may deliver it ("00:00:30" by default).</summary>
    public const string VisibilityTimeoutKey = "CallLoop:Streams:VisibilityTimeout";

    /// <summary>How many partition streams publication spreads subjects over (64 by default; see SubjectEventStream).</summary>
    public const string PartitionsKey = "CallLoop:Streams:Partitions";

    public const string AdoNetProvider = "AdoNet";

    public const string MemoryProvider = "Memory";

    private static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The configured partition count; refuses one below 1.</summary>
    public static int Partitions(IConfiguration configuration)
    {
        var partitions = configuration.GetValue(PartitionsKey, SubjectEventStream.DefaultPartitions);
        return partitions >= 1 ? partitions : throw new InvalidOperationException($"{PartitionsKey} must be 1 or more.");
    }

    /// <summary>
    /// Subscriptions are implicit only (<c>[ImplicitStreamSubscription(SubjectEventStream.Namespace)]</c>): no stream
    /// registers with a pub-sub rendezvous grain, whose state would be a database write per stream.
    /// </summary>
    public static ISiloBuilder AddSubjectEventStreams(this ISiloBuilder silo)
    {
        _ = Partitions(silo.Configuration);
        var provider = silo.Configuration[ProviderKey] ?? AdoNetProvider;
        if (string.Equals(provider, MemoryProvider, StringComparison.OrdinalIgnoreCase))
        {
            silo.AddMemoryStreams(SubjectEventStream.ProviderName, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            return silo;
        }

        if (!string.Equals(provider, AdoNetProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ProviderKey} must be '{AdoNetProvider}' or '{MemoryProvider}'.");
        }

        var visibility = silo.Configuration.GetValue(VisibilityTimeoutKey, DefaultVisibilityTimeout);
        silo.AddAdoNetStreams(SubjectEventStream.ProviderName, (SiloAdoNetStreamConfigurator streams) =>
        {
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.ConfigureAdoNet((OptionsBuilder<AdoNetStreamOptions> o) => o.PostConfigure<NpgsqlDataSource>((options, dataSource) =>
            {
                (options.Invariant, options.DataSource, options.ConnectionString) = (SiloHostingExtensions.Invariant, dataSource, null);
                options.VisibilityTimeout = visibility;

                // A batch is dead-lettered only after many failed deliveries or a day unconfirmed: consumers read
                // what a dead letter held back from the subject's history when they notice the version gap.
                options.MaxAttempts = 20;
                options.ExpiryTimeout = TimeSpan.FromDays(1);
            }));
        });
        return silo;
    }
}

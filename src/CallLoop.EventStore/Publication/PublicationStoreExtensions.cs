using CallLoop.EventStore.Telemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.EventStore.Publication;

public static class PublicationStoreExtensions
{
    /// <summary>
    /// Runs <see cref="SubjectEventPublication"/> in Marten's async daemon, as a shard of its own
    /// (<c>subject-event-publication:All</c>, led like every shard by one silo at a time: Daemon/DaemonShards).
    /// The reactors (<see cref="ICommittedEventReactor"/>) are registered by the host, in the order they should run.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSubjectEventPublication(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.ConfigureMarten(options => options.Listeners.Add(new AppendLatencyListener()));
        return marten.AddSubscriptionWithServices<SubjectEventPublication>(ServiceLifetime.Singleton);
    }
}

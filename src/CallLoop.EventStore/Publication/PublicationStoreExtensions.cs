using CallLoop.EventStore.Telemetry;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.EventStore.Publication;

public static class PublicationStoreExtensions
{
    /// <summary>
    /// Runs <see cref="SubjectEventPublication"/> in Marten's async daemon. HotCold: every silo runs a daemon,
    /// one of them (elected through a PostgreSQL advisory lock) is active, and another takes over when it dies.
    /// The reactors (<see cref="ICommittedEventReactor"/>) are registered by the host, in the order they should run.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSubjectEventPublication(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.ConfigureMarten(options => options.Listeners.Add(new AppendLatencyListener()));
        return marten
            .AddSubscriptionWithServices<SubjectEventPublication>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}

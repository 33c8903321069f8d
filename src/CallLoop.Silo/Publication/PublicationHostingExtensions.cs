using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;
using CallLoop.Grains.Deadlines;

namespace CallLoop.Silo.Publication;

public static class PublicationHostingExtensions
{
    /// <summary>
    /// What hears of committed events, in this order: the subjects' Orleans streams, deadline reminders, metrics.
    /// Deadlines are configured under "CallLoop:Deadlines" (DueSoonLead, RetryPeriod).
    /// </summary>
    public static IServiceCollection AddCallLoopPublication(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        services.AddSingleton<ICommittedEventSink, OrleansStreamSink>();
        services.AddSingleton<ICommittedEventSink, DeadlineSchedulingSink>();
        services.AddSingleton<ICommittedEventSink, MetricsSink>();
        return services;
    }
}

using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;
using CallLoop.Grains.Deadlines;
using CallLoop.Grains.Erasure;

namespace CallLoop.Silo.Publication;

public static class PublicationHostingExtensions
{
    /// <summary>
    /// What hears of committed events, in this order: the subjects' Orleans streams, deadline reminders, erasure completion, metrics.
    /// Deadlines are configured under "CallLoop:Deadlines" (DueSoonLead, RetryPeriod).
    /// </summary>
    public static IServiceCollection AddCallLoopPublication(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        services.AddSingleton<ICommittedEventSink, OrleansStreamSink>();
        services.AddSingleton<ICommittedEventSink, DeadlineSchedulingSink>();
        services.AddSingleton<ICommittedEventSink, ErasureCompletionSink>();
        services.AddSingleton<ICommittedEventSink, MetricsSink>();
        return services;
    }
}

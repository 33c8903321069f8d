using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;
using CallLoop.Grains.Deadlines;
using CallLoop.Grains.Erasure;
using CallLoop.Grains.Propagation;
using CallLoop.Grains.Retention;

namespace CallLoop.Silo.Publication;

public static class PublicationHostingExtensions
{
    /// <summary>
    /// What hears of committed events, in this order: the subjects' Orleans streams, deadline reminders, retention
    /// reminders, erasure completion, metrics, propagation to processors. Deadlines are configured under
    /// "CallLoop:Deadlines" (DueSoonLead, RetryPeriod), retention under "CallLoop:Retention" (AfterAccountEnds,
    /// Categories:{letter}, RetryPeriod), webhooks under "CallLoop:Propagation" (<see cref="PropagationOptions"/>).
    /// </summary>
    public static IServiceCollection AddCallLoopPublication(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        services.AddOptions<PropagationOptions>().BindConfiguration(PropagationOptions.Section);
        services.AddSingleton<ICommittedEventSink, OrleansStreamSink>();
        services.AddSingleton<ICommittedEventSink, DeadlineSchedulingSink>();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid(), $"{RetentionOptions.Section}: every category key must be a letter A-L (or a category name) and every period zero or more.")
            .ValidateOnStart();
        services.AddSingleton<ICommittedEventSink, RetentionSchedulingSink>();
        services.AddSingleton<ICommittedEventSink, ErasureCompletionSink>();
        services.AddSingleton<ICommittedEventSink, MetricsSink>();
        services.AddSingleton<ICommittedEventSink, PropagationSink>();
        services.AddSingleton<WebhookSender>();
        return services;
    }
}

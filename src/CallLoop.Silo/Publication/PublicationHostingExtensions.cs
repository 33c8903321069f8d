using CallLoop.Domain;
using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;
using CallLoop.Grains.Deadlines;
using CallLoop.Grains.Erasure;
using CallLoop.Grains.Propagation;
using CallLoop.Grains.Retention;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallLoop.Silo.Publication;

public static class PublicationHostingExtensions
{
    /// <summary>
    /// What hears of committed events, in this order: the subjects' Orleans streams, deadline reminders, retention
    /// reminders, erasure completion, metrics, propagation to processors. Only where the daemon publishes; what the
    /// grains themselves need (<see cref="AddCallLoopGrainSettings"/>) is registered on every silo.
    /// </summary>
    public static IServiceCollection AddCallLoopPublication(this IServiceCollection services)
    {
        services.AddSingleton<ICommittedEventReactor, OrleansStreamPublisher>();
        services.AddSingleton<ICommittedEventReactor, DeadlineSchedulingReactor>();
        services.AddSingleton<ICommittedEventReactor, RetentionSchedulingReactor>();
        services.AddSingleton<ICommittedEventReactor, ErasureCompletionReactor>();
        services.AddSingleton<ICommittedEventReactor, MetricsReactor>();
        services.AddSingleton<ICommittedEventReactor, PropagationReactor>();
        return services;
    }

    /// <summary>
    /// Settings and services of the grains that publication drives, which any silo may host whether or not it runs
    /// the daemon: deadlines under "CallLoop:Deadlines" (DueSoonLead, RetryPeriod, ReopenedDueDays, BusinessTimeZone), retention under
    /// "CallLoop:Retention" (AfterAccountEnds, Categories:{letter}, WithoutAccount, RetryPeriod), webhooks under "CallLoop:Propagation"
    /// (<see cref="PropagationOptions"/>) and their sender.
    /// </summary>
    public static IServiceCollection AddCallLoopGrainSettings(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>()
            .BindConfiguration(DeadlineOptions.Section)
            .Validate(o => o.IsValid(), $"{DeadlineOptions.Section}: ReopenedDueDays must be {SubjectPolicy.MinReopenedDueDays} to {SubjectPolicy.MaxReopenedDueDays} and BusinessTimeZone a known IANA time zone id.")
            .ValidateOnStart();
        services.AddOptions<PropagationOptions>()
            .BindConfiguration(PropagationOptions.Section)
            .Validate(o => WebhookAddresses.Problem(o.AllowedWebhookNetworks) is null, WebhookAddresses.Problem(["x"])!)
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid(), $"{RetentionOptions.Section}: every category key must be a letter A-L (or a category name) and every period zero or more.")
            .ValidateOnStart();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<Processors.WebhookDestinations>();
        return services;
    }
}

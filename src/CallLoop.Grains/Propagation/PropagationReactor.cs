using CallLoop.Contracts.Propagation;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallLoop.Grains.Propagation;

/// <summary>
/// Drives propagation from committed events, at least once: an erasure, correction, opt-out or consent withdrawal
/// makes the subject's grain choose the affected processors (recorded as <see cref="PropagationPlanned"/>), and a
/// committed plan starts one delivery grain per processor; a committed re-send (an admin's) wakes the delivery's
/// grain at once. Every step is idempotent, so a replayed page plans and sends nothing new. Counts delivered and failed attempts into the webhook metrics.
/// The grain factory and the recipient registry are resolved on first use (see the Orleans stream publisher).
/// </summary>
/// <remarks>Erasure is triggered by <see cref="ErasureStarted"/>; an "erasure completed" fact, once it exists, could take its place in <see cref="PlanPropagation.For"/>.</remarks>
public sealed class PropagationReactor(IServiceProvider services, ILogger<PropagationReactor> logger) : ICommittedEventReactor
{
    public const string Actor = "propagation";

    public string Name => "propagation";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProcessorTarget>? registry = null;
        foreach (var committed in page)
        {
            if (PlanPropagation.For(committed.Event, committed.Sequence) is { } plan)
            {
                registry ??= await LoadRegistryAsync(cancellationToken);
                await PlanAsync(committed, plan with { Processors = registry });
            }

            switch (committed.Event)
            {
                case PropagationPlanned planned:
                    foreach (var delivery in planned.Deliveries)
                    {
                        await Grains.GetGrain<IWebhookDeliveryGrain>(WebhookDeliveryKey.Of(committed.SubjectId, delivery.DeliveryId)).StartAsync();
                    }

                    break;
                case WebhookRedeliveryRequested redelivery:
                    await Grains.GetGrain<IWebhookDeliveryGrain>(WebhookDeliveryKey.Of(committed.SubjectId, redelivery.DeliveryId)).RetryNowAsync();
                    break;
                case WebhookDelivered:
                    PrivacyMetrics.WebhookDeliveries.Add(1);
                    break;
                case WebhookAttemptFailed failed:
                    PrivacyMetrics.WebhookFailures.Add(1, PrivacyMetrics.Tags(("failure", failed.Failure)));
                    break;
            }
        }
    }

    private IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    private async Task PlanAsync(CommittedSubjectEvent committed, PlanPropagation plan)
    {
        try
        {
            await Grains.GetGrain<IDataSubjectGrain>(committed.SubjectId).ExecuteAsync(plan, Actor);
        }
        catch (PrivacyDomainException ex)
        {
            // A refusal would be refused again on every retry and hold up the whole publication: record and move on.
            logger.LogError("Propagation of sequence {Sequence} was refused ({ErrorType}); no webhook is planned for it", committed.Sequence, ex.GetType().Name);
        }
    }

    private Task<IReadOnlyList<ProcessorTarget>> LoadRegistryAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<RecipientRegistry>().ProcessorTargetsAsync(cancellationToken);
}

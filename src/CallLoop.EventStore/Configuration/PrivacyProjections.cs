using CallLoop.EventStore.Projections.Deliveries;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.EventStore.Projections.Requests;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Configuration;

internal static class PrivacyProjections
{
    /// <summary>Projections registered with the store; analysts' read models are added here.</summary>
    public static void AddPrivacyProjections(this ProjectionOptions projections)
    {
        // Async, not inline: an inline projection would force every group commit through Marten's session path (issue 7).
        // Answers about one subject (access report, export, deliveries) come from its grain, always current: only
        // cross-subject read models for analysts and queues are projected.
        projections.Add(new RequestRecordProjection(), ProjectionLifecycle.Async);
        projections.Add(new StateFactsProjection(), ProjectionLifecycle.Async);
        projections.Add(new ConsentLedgerProjection(), ProjectionLifecycle.Async);
        projections.Add(new ExposureFactsProjection(), ProjectionLifecycle.Async);
        projections.Add(new DeliveryQueueProjection(), ProjectionLifecycle.Async);
    }
}

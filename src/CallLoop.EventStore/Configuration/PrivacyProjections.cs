using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Projections.Deliveries;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.EventStore.Projections.Requests;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Configuration;

internal static class PrivacyProjections
{
    /// <summary>Projections registered with the store; analysts' read models are added here.</summary>
    public static void AddPrivacyProjections(this StoreOptions options)
    {
        var projections = options.Projections;

        // Async, not inline: an inline projection would force every group commit through Marten's session path (issue 7).
        // Answers about one subject (access report, export, deliveries) come from its grain, always current: only
        // cross-subject read models for analysts and queues are projected.
        //
        // Every read model is written a page at a time, one statement per table (like the group commit writes events).
        projections.Add(new RequestRecordProjection(options.Serializer()), ProjectionLifecycle.Async, ProjectionNames.RequestRecords, async => async.DeleteViewTypeOnTeardown<RequestRecord>());
        projections.Add(new DeliveryQueueProjection(options.Serializer()), ProjectionLifecycle.Async, ProjectionNames.DeliveryQueue, async => async.DeleteViewTypeOnTeardown<DeliveryQueueEntry>());
        AddSetBased(options, new StateFactsProjection(), ProjectionNames.StateCategoryFacts, StateFactsProjection.Tables,
            ReportTables.SubjectJurisdictionsTable(), ReportTables.CollectionFactsTable(), ReportTables.DisclosureFactsTable(), ReportRollups.LatestTable(), ReportRollups.DailyTable());
        AddSetBased(options, new ConsentLedgerProjection(), ProjectionNames.ConsentLedger, ConsentLedgerProjection.Tables, ReportTables.ConsentLedgerTable());
        AddSetBased(options, new ExposureFactsProjection(), ProjectionNames.ExposureFacts, ExposureFactsProjection.Tables,
            ExposureTables.ResidencyFactsTable(), ExposureTables.ErasureFactsTable());
    }

    private static void AddSetBased(StoreOptions options, IProjection projection, string name, string[] tables, params Weasel.Core.ISchemaObject[] schema)
    {
        foreach (var table in schema)
        {
            options.Storage.ExtendedSchemaObjects.Add(table);
        }

        options.Projections.Add(projection, ProjectionLifecycle.Async, name, async =>
        {
            foreach (var table in tables)
            {
                async.DeleteDataInTableOnTeardown(table);
            }
        });
    }
}

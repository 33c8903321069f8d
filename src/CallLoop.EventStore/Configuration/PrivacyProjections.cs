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
    /// <summary>
    /// The most events one daemon page holds (Marten's default is 500), for every projection and the publication:
    /// larger pages spread what each page costs (the page query, the set-based statements, the progress row, one
    /// queue row per stream partition) over more events. See docs/benchmarks.md, "What the daemon costs per event".
    /// </summary>
    public const int PageSize = 2_000;

    /// <summary>Projections registered with the store; analysts' read models are added here.</summary>
    public static void AddPrivacyProjections(this StoreOptions options)
    {
        // Async, not inline: an inline projection would force every group commit through Marten's session path (issue 7).
        // Answers about one subject (access report, export, deliveries) come from its grain, always current: only
        // cross-subject read models for analysts and queues are projected.
        //
        // Every read model is written a page at a time, one statement per table (like the group commit writes events).
        // Each reads only the event types its fold handles: the daemon's page query filters by type, so a shard neither
        // loads nor deserializes the rest (ProjectionEventTypesTests holds each list to its fold).
        AddAsync(options, new RequestRecordProjection(options.Serializer()), ProjectionNames.RequestRecords, RequestRecordProjection.EventTypes,
            async => async.DeleteViewTypeOnTeardown<RequestRecord>());
        AddAsync(options, new DeliveryQueueProjection(options.Serializer()), ProjectionNames.DeliveryQueue, DeliveryQueueProjection.EventTypes,
            async => async.DeleteViewTypeOnTeardown<DeliveryQueueEntry>());
        AddSetBased(options, new StateFactsProjection(), ProjectionNames.StateCategoryFacts, StateFactsProjection.EventTypes, StateFactsProjection.Tables,
            ReportTables.SubjectJurisdictionsTable(), ReportTables.CollectionFactsTable(), ReportTables.DisclosureFactsTable(), ReportRollups.LatestTable(), ReportRollups.DailyTable());
        AddSetBased(options, new ConsentLedgerProjection(), ProjectionNames.ConsentLedger, ConsentLedgerProjection.EventTypes, ConsentLedgerProjection.Tables,
            ReportTables.ConsentLedgerTable());
        AddSetBased(options, new ExposureFactsProjection(), ProjectionNames.ExposureFacts, ExposureFactsProjection.EventTypes, ExposureFactsProjection.Tables,
            ExposureTables.ResidencyFactsTable(), ExposureTables.ErasureFactsTable());
    }

    private static void AddSetBased(
        StoreOptions options, IProjection projection, string name, IReadOnlyList<Type> eventTypes, string[] tables, params Weasel.Core.ISchemaObject[] schema)
    {
        foreach (var table in schema)
        {
            options.Storage.ExtendedSchemaObjects.Add(table);
        }

        AddAsync(options, projection, name, eventTypes, async =>
        {
            foreach (var table in tables)
            {
                async.DeleteDataInTableOnTeardown(table);
            }
        });
    }

    private static void AddAsync(StoreOptions options, IProjection projection, string name, IReadOnlyList<Type> eventTypes, Action<AsyncOptions> configure)
    {
        var source = new ProjectionWrapper<IDocumentOperations, IQuerySession>(projection, ProjectionLifecycle.Async) { Name = name };
        foreach (var type in eventTypes)
        {
            source.IncludeType(type);
        }

        options.Projections.Add(source, ProjectionLifecycle.Async, async =>
        {
            async.BatchSize = PageSize;
            configure(async);
        });
    }
}

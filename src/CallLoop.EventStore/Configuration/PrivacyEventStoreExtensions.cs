using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallLoop.Domain;
using CallLoop.EventStore.CatchUps;
using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Phones;
using CallLoop.EventStore.Projections.Deliveries;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.EventStore.Protection;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;

namespace CallLoop.EventStore.Configuration;

public static class PrivacyEventStoreExtensions
{
    /// <summary>The PostgreSQL schema that holds Marten's tables, apart from Orleans' tables.</summary>
    public const string SchemaName = "privacy";

    /// <summary>
    /// Registers one <see cref="IDocumentStore"/> on the application's shared <c>NpgsqlDataSource</c>:
    /// one event stream per data subject (string id), events pinned to stable stored names.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddPrivacyEventStore(this IServiceCollection services)
    {
        return services
            .AddMarten(ConfigureStore)
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
    }

    public static void ConfigureStore(StoreOptions options)
    {
        options.DatabaseSchemaName = SchemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        var json = new JsonSerializerOptions(DomainJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequestRecordStorage.IncludeLifecycle } } };
        options.UseSystemTextJsonForSerialization(json, EnumStorage.AsString, Casing.CamelCase);

        foreach (var (type, name) in EventTypeNames.All.Concat(IncidentEventTypeNames.All))
        {
            options.Events.MapEventType(type, name);
        }

        // Incidents: their affected subjects (kept for notices), obligations (analytics.incident_obligations) and the
        // list of incidents (analytics.incidents).
        options.Storage.ExtendedSchemaObjects.Add(IncidentTables.SubjectsTable());
        options.Storage.ExtendedSchemaObjects.Add(IncidentTables.ObligationsTable());
        options.Storage.ExtendedSchemaObjects.Add(IncidentTables.IncidentsTable());

        // Which one-time catch-ups of stored history this database has had (CatchUps/OneTimeCatchUps).
        options.Storage.ExtendedSchemaObjects.Add(OneTimeCatchUps.CatchUpsTable());

        // A stable table name (privacy.mt_doc_phone_index), looked up by number hash and cleaned up by subject.
        options.Schema.For<PhoneIndexEntry>().DocumentAlias("phone_index").Index(e => e.SubjectId).Index(e => e.PhoneHash!);
        options.Schema.For<NumberSuppressionEntry>().DocumentAlias("number_suppression");

        // Real, indexed columns for the work queue's filter and order (GET /api/requests), instead of JSON casts
        // that no index can serve. Numeric revisions (events folded in) as when Marten's aggregation wrote them: the
        // page projections write these tables with one statement per page.
        options.Schema.For<RequestRecord>().Duplicate(r => r.IsOpen).Duplicate(r => r.CurrentDueAt!).UseNumericRevisions(true);
        // The delivery queue (GET /api/deliveries) filters by status and processor and pages by planned time.
        options.Schema.For<DeliveryQueueEntry>().Duplicate(d => d.Status).Duplicate(d => d.Processor).Duplicate(d => d.PlannedAt).UseNumericRevisions(true);
        // Erasure masks sealed values of destroyed keys in place (Protection/PersonalValueMasking).
        PersonalValueMasking.Register(options);

        options.AddPrivacyProjections();

        // Never skip a slow commit: the group commit takes its events' sequence numbers inside a transaction that may
        // commit late (a lock wait, a slow disk). A gap in the sequence counts as stale after the threshold, but it is
        // skipped only when no transaction that could still fill it is alive (Marten's transaction evidence: locks on
        // mt_events, open transactions older than the gap), never on its age alone: the daemon waits for the commit
        // however long it takes (Publication/SlowCommitTests). A rolled-back batch leaves a dead gap, skipped after it.
        options.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(3);
        options.Projections.UseTransactionEvidenceForGapSkipping = true;
        options.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = null;
    }
}

using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Residency history and erasures, one SQL row each (async), so a breach assessment can tell who lived where
/// when the breach happened and who no longer held a category by then. Replays are harmless (keyed by sequence).
/// </summary>
public sealed partial class ExposureFactsProjection : EventProjection
{
    public ExposureFactsProjection()
    {
        Name = ProjectionNames.ExposureFacts;
        var residency = ExposureTables.ResidencyFactsTable();
        var erasures = ExposureTables.ErasureFactsTable();
        SchemaObjects.Add(residency);
        SchemaObjects.Add(erasures);
        Options.DeleteDataInTableOnTeardown(residency.Identifier.QualifiedName);
        Options.DeleteDataInTableOnTeardown(erasures.Identifier.QualifiedName);
    }

    public void Project(IEvent<SubjectRegistered> e, IDocumentOperations ops) => Moved(ops, e, e.Data.Jurisdiction);

    public void Project(IEvent<ResidencyChanged> e, IDocumentOperations ops) => Moved(ops, e, e.Data.Jurisdiction);

    public void Project(IEvent<PersonalDataErased> e, IDocumentOperations ops)
    {
        foreach (var category in e.Data.ErasedCategories.Distinct())
        {
            ops.QueueSqlCommand(
                $"""
                insert into {ReportTables.Qualified(ExposureTables.ErasureFacts)} (seq_id, category, subject_id, erased_at)
                values (?, ?, ?, ?) on conflict do nothing
                """,
                e.Sequence,
                EnumText.ToText(category),
                e.StreamKey!,
                OccurredAt(e));
        }
    }

    private static void Moved(IDocumentOperations ops, IEvent e, string state) =>
        ops.QueueSqlCommand(
            $"""
            insert into {ReportTables.Qualified(ExposureTables.ResidencyFacts)} (seq_id, subject_id, state, since)
            values (?, ?, ?, ?) on conflict do nothing
            """,
            e.Sequence,
            e.StreamKey!,
            state,
            OccurredAt(e));

    private static DateTimeOffset OccurredAt(IEvent e) =>
        (e.Data is SubjectEvent { OccurredAt: var at } && at != default ? at : e.Timestamp).ToUniversalTime();
}

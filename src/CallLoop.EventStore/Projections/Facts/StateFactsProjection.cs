using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Daemon;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Writes one SQL row per collected category and per disclosed category, stamped with the subject's state at
/// the time, so a state report over any window is one indexed query. Replays are harmless (inserts are keyed by sequence).
/// </summary>
public sealed partial class StateFactsProjection : EventProjection
{
    private const string UnknownState = "unknown";

    public StateFactsProjection()
    {
        Name = ProjectionNames.StateCategoryFacts;
        var jurisdictions = ReportTables.SubjectJurisdictionsTable();
        var collections = ReportTables.CollectionFactsTable();
        var disclosures = ReportTables.DisclosureFactsTable();
        SchemaObjects.Add(jurisdictions);
        SchemaObjects.Add(collections);
        SchemaObjects.Add(disclosures);
        Options.DeleteDataInTableOnTeardown(jurisdictions.Identifier.QualifiedName);
        Options.DeleteDataInTableOnTeardown(collections.Identifier.QualifiedName);
        Options.DeleteDataInTableOnTeardown(disclosures.Identifier.QualifiedName);
    }

    public void Project(IEvent<SubjectRegistered> e, IDocumentOperations ops) => SetState(ops, e.StreamKey!, e.Data.Jurisdiction);

    public void Project(IEvent<ResidencyChanged> e, IDocumentOperations ops) => SetState(ops, e.StreamKey!, e.Data.Jurisdiction);

    public void Project(IEvent<PersonalInformationCollected> e, IDocumentOperations ops)
    {
        ops.QueueSqlCommand(
            $"""
            insert into {ReportTables.Qualified(ReportTables.CollectionFacts)}
                (seq_id, subject_id, state, category, source, source_detail, purposes, collected_at)
            values (?, ?, {StateOf}, ?, ?, nullif(?, ''), ?, ?)
            on conflict do nothing
            """,
            e.Sequence,
            e.StreamKey!,
            e.StreamKey!,
            EnumText.ToText(e.Data.Category),
            EnumText.ToText(e.Data.Source),
            e.Data.SourceDetail ?? string.Empty,
            e.Data.Purposes.Distinct().Select(EnumText.ToText).ToArray(),
            e.Data.CollectedAt.ToUniversalTime());
    }

    public void Project(IEvent<InformationDisclosed> e, IDocumentOperations ops)
    {
        foreach (var category in e.Data.Categories.Distinct())
        {
            ops.QueueSqlCommand(
                $"""
                insert into {ReportTables.Qualified(ReportTables.DisclosureFacts)}
                    (seq_id, category, subject_id, state, purpose, recipient, recipient_type, disclosed_at)
                values (?, ?, ?, {StateOf}, ?, ?, ?, ?)
                on conflict do nothing
                """,
                e.Sequence,
                EnumText.ToText(category),
                e.StreamKey!,
                e.StreamKey!,
                EnumText.ToText(e.Data.Purpose),
                e.Data.Recipient,
                EnumText.ToText(e.Data.RecipientType),
                e.Data.DisclosedAt.ToUniversalTime());
        }
    }

    private static string StateOf =>
        $"coalesce((select state from {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} where subject_id = ?), '{UnknownState}')";

    private static void SetState(IDocumentOperations ops, string subjectId, string state) =>
        ops.QueueSqlCommand(
            $"""
            insert into {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} (subject_id, state) values (?, ?)
            on conflict (subject_id) do update set state = excluded.state
            """,
            subjectId,
            state);
}

using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Daemon;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Writes one SQL row per collected category and per disclosed category, stamped with the subject's state at
/// the time, so a state report over any window is one indexed query, and keeps the rollups (<see cref="ReportRollups"/>) that
/// answer the 12 months ending now without scanning the facts. Replays are harmless (inserts are keyed by sequence).
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
        var latest = ReportRollups.LatestTable();
        var daily = ReportRollups.DailyTable();
        SchemaObjects.Add(latest);
        SchemaObjects.Add(daily);
        Options.DeleteDataInTableOnTeardown(latest.Identifier.QualifiedName);
        Options.DeleteDataInTableOnTeardown(daily.Identifier.QualifiedName);
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

        List<(string Kind, string Key)> keys =
        [
            (ReportRollups.CategoryKind, EnumText.ToText(e.Data.Category)),
            (ReportRollups.SourceKind, EnumText.ToText(e.Data.Source) + ReportRollups.KeySeparator + (e.Data.SourceDetail ?? string.Empty)),
            .. e.Data.Purposes.Distinct().Select(p => (ReportRollups.PurposeKind, EnumText.ToText(p))),
        ];
        ReportRollups.QueueTouch(ops, StateOf, e.StreamKey!, keys, e.Data.CollectedAt);
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
                EnumText.ToText(SoldOrNot.ReportedPurpose(e.Data)),
                e.Data.Recipient,
                EnumText.ToText(e.Data.RecipientType),
                e.Data.DisclosedAt.ToUniversalTime());
        }

        var kind = ReportRollups.DisclosedKind(EnumText.ToText(SoldOrNot.ReportedPurpose(e.Data)));
        var type = EnumText.ToText(e.Data.RecipientType);
        var keys = e.Data.Categories.Distinct().Select(c => (kind, EnumText.ToText(c) + ReportRollups.KeySeparator + type)).ToList();
        if (keys.Count > 0)
        {
            ReportRollups.QueueTouch(ops, StateOf, e.StreamKey!, keys, e.Data.DisclosedAt);
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

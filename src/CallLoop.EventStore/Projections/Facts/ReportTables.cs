using CallLoop.EventStore.Configuration;
using Weasel.Postgresql.Tables;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Per-fact SQL tables the reports read, in the event store's schema (analysts reach them only through the
/// views of the <c>analytics</c> schema). Rows carry the subject id, never personal values, so they outlive erasure.
/// </summary>
public static class ReportTables
{
    public const string SubjectJurisdictions = "report_subject_jurisdictions";

    public const string CollectionFacts = "report_collection_facts";

    public const string DisclosureFacts = "report_disclosure_facts";

    public const string ConsentLedger = "report_consent_ledger";

    public static string Qualified(string table) => $"{PrivacyEventStoreExtensions.SchemaName}.{table}";

    public static Table SubjectJurisdictionsTable()
    {
        var table = new Table(Qualified(SubjectJurisdictions));
        table.AddColumn<string>("subject_id").AsPrimaryKey();
        table.AddColumn<string>("state").NotNull();
        return table;
    }

    public static Table CollectionFactsTable()
    {
        var table = new Table(Qualified(CollectionFacts));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("subject_id").NotNull();
        table.AddColumn<string>("state").NotNull();
        table.AddColumn<string>("category").NotNull();
        table.AddColumn<string>("source").NotNull();
        table.AddColumn<string>("source_detail").AllowNulls();
        table.AddColumn("purposes", "text[]").NotNull();
        table.AddColumn("collected_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_report_collection_facts_state_time").AgainstColumns("state", "collected_at"));
        table.Indexes.Add(new IndexDefinition("ix_report_collection_facts_subject").AgainstColumns("subject_id"));
        return table;
    }

    public static Table DisclosureFactsTable()
    {
        var table = new Table(Qualified(DisclosureFacts));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("category").AsPrimaryKey();
        table.AddColumn<string>("subject_id").NotNull();
        table.AddColumn<string>("state").NotNull();
        table.AddColumn<string>("purpose").NotNull();
        table.AddColumn<string>("recipient").NotNull();
        table.AddColumn<string>("recipient_type").NotNull();
        table.AddColumn("disclosed_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_report_disclosure_facts_state_time").AgainstColumns("state", "disclosed_at"));
        table.Indexes.Add(new IndexDefinition("ix_report_disclosure_facts_subject").AgainstColumns("subject_id"));
        return table;
    }

    public static Table ConsentLedgerTable()
    {
        var table = new Table(Qualified(ConsentLedger));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("subject_id").NotNull();
        table.AddColumn<string>("entry").NotNull();
        table.AddColumn<string>("purpose").NotNull();
        table.AddColumn<string>("basis").AllowNulls();
        table.AddColumn<string>("notice_version").AllowNulls();
        table.AddColumn<string>("channel").AllowNulls();
        table.AddColumn<string>("method").AllowNulls();
        // Always null: evidence is free text, sealed in the event; rows written before that are cleared at erasure.
        table.AddColumn<string>("evidence").AllowNulls();
        table.AddColumn<string>("request_id").AllowNulls();
        table.AddColumn("occurred_at", "timestamptz").NotNull();

        // Consent evidence: the signature method or what an implied consent rests on, and when it was captured.
        table.AddColumn<string>("evidence_kind").AllowNulls();
        table.AddColumn("granted_at", "timestamptz").AllowNulls();
        table.Indexes.Add(new IndexDefinition("ix_report_consent_ledger_purpose_time").AgainstColumns("purpose", "occurred_at"));
        table.Indexes.Add(new IndexDefinition("ix_report_consent_ledger_subject").AgainstColumns("subject_id"));
        return table;
    }
}

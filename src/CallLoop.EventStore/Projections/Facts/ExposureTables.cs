using Weasel.Postgresql.Tables;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// The facts a breach assessment needs besides the collection facts: where each subject lived from when
/// (residency history), and which categories were erased when. Subject ids, codes and times only.
/// </summary>
public static class ExposureTables
{
    public const string ResidencyFacts = "report_residency_facts";

    public const string ErasureFacts = "report_erasure_facts";

    public static Table ResidencyFactsTable()
    {
        var table = new Table(ReportTables.Qualified(ResidencyFacts));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("subject_id").NotNull();
        table.AddColumn<string>("state").NotNull();
        table.AddColumn("since", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_report_residency_facts_subject_since").AgainstColumns("subject_id", "since"));
        return table;
    }

    public static Table ErasureFactsTable()
    {
        var table = new Table(ReportTables.Qualified(ErasureFacts));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("category").AsPrimaryKey();
        table.AddColumn<string>("subject_id").NotNull();
        table.AddColumn("erased_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_report_erasure_facts_subject_category").AgainstColumns("subject_id", "category"));
        return table;
    }
}

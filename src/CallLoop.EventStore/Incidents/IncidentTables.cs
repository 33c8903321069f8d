using CallLoop.EventStore.Projections.Facts;
using Weasel.Postgresql.Tables;

namespace CallLoop.EventStore.Incidents;

/// <summary>
/// An incident's affected subjects (found by its assessment, kept for notices) and its obligations (rewritten by
/// the incident's grain with each of its events, read by the analysts' view and the metric). Ids, codes and times only.
/// </summary>
public static class IncidentTables
{
    public const string Subjects = "incident_subjects";

    public const string Obligations = "incident_obligations";

    /// <summary>One row per incident (<see cref="CallLoop.Domain.IncidentSummary"/>), obligations or not: the console's list of incidents.</summary>
    public const string Incidents = "incidents";

    public static Table SubjectsTable()
    {
        var table = new Table(ReportTables.Qualified(Subjects));
        table.AddColumn<string>("incident_id").AsPrimaryKey();
        table.AddColumn<string>("subject_id").AsPrimaryKey();
        table.AddColumn<string>("jurisdiction").NotNull();
        table.AddColumn<bool>("notifiable").NotNull();
        table.AddColumn<int>("assessment").NotNull();
        table.AddColumn("noticed_at", "timestamptz").AllowNulls();
        table.Indexes.Add(new IndexDefinition("ix_incident_subjects_jurisdiction").AgainstColumns("incident_id", "jurisdiction", "subject_id"));
        return table;
    }

    public static Table ObligationsTable()
    {
        var table = new Table(ReportTables.Qualified(Obligations));
        table.AddColumn<string>("incident_id").AsPrimaryKey();
        table.AddColumn<string>("jurisdiction").AsPrimaryKey();
        table.AddColumn<string>("obligation").AsPrimaryKey();
        table.AddColumn<bool>("required").NotNull();
        table.AddColumn<long>("affected").NotNull();
        table.AddColumn<string>("deadline").AllowNulls();
        table.AddColumn("due_at", "timestamptz").AllowNulls();
        table.AddColumn("due_soon_at", "timestamptz").AllowNulls();
        table.AddColumn("met_at", "timestamptz").AllowNulls();
        table.AddColumn("discovered_at", "timestamptz").NotNull();
        return table;
    }

    public static Table IncidentsTable()
    {
        var table = new Table(ReportTables.Qualified(Incidents));
        table.AddColumn<string>("incident_id").AsPrimaryKey();
        table.AddColumn("discovered_at", "timestamptz").NotNull();
        table.AddColumn("reported_at", "timestamptz").AllowNulls();
        table.AddColumn<int>("assessment").NotNull();
        table.AddColumn<string>("assessment_status").NotNull();
        table.AddColumn<long>("affected").NotNull();
        table.AddColumn<int>("failed_attempts").NotNull();
        table.AddColumn<string>("error_type").AllowNulls();
        table.Indexes.Add(new IndexDefinition("ix_incidents_discovered").AgainstColumns("discovered_at", "incident_id"));
        return table;
    }
}

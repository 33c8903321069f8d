using Marten;
using Weasel.Postgresql.Tables;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Incremental counts for the state report over the 12 months ending now, so it reads a few thousand rows
/// instead of counting distinct subjects over millions of facts. For each fact key (a category, a source, a
/// purpose, a disclosed category and recipient type) and state, <see cref="Latest"/> keeps every subject's latest
/// fact time, and <see cref="Daily"/> counts subjects by the UTC day of that latest time. A window (From, To] that
/// no fact of the state postdates then has, per key, exactly the subjects counted on the days after From's day,
/// plus those of From's own day whose latest time is after From. Replays are harmless: a fact never moves a
/// subject's latest time backwards, and one at the same time changes nothing.
/// </summary>
public static class ReportRollups
{
    public const string Latest = "report_rollup_latest";

    public const string Daily = "report_rollup_daily";

    public const string CategoryKind = "category";

    public const string SourceKind = "source";

    public const string PurposeKind = "purpose";

    /// <summary>Kind of a disclosure key, by disclosure purpose (business-purpose, sale, sharing).</summary>
    public static string DisclosedKind(string purpose) => "disclosed:" + purpose;

    /// <summary>Separates the parts of a composite key (source and detail; category and recipient type).</summary>
    public const char KeySeparator = '|';

    public static Table LatestTable()
    {
        var table = new Table(ReportTables.Qualified(Latest));
        table.AddColumn<string>("kind").AsPrimaryKey();
        table.AddColumn<string>("state").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("subject_id").AsPrimaryKey();
        table.AddColumn("last_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_report_rollup_latest_time").AgainstColumns("kind", "state", "last_at"));
        return table;
    }

    public static Table DailyTable()
    {
        var table = new Table(ReportTables.Qualified(Daily));
        table.AddColumn<string>("kind").AsPrimaryKey();
        table.AddColumn<string>("state").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn<long>("subjects").NotNull();
        return table;
    }

    /// <summary>
    /// Queues the three statements that record one fact under several keys at once: move the subject out of its old
    /// latest day for every key the fact is later for, into the fact's day for every key it is later for (or first),
    /// then store the new latest times. The daemon runs one projection batch at a time, so the statements see each
    /// other's effects in order.
    /// </summary>
    public static void QueueTouch(IDocumentOperations ops, string stateSql, string subjectId, IReadOnlyCollection<(string Kind, string Key)> keys, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct().ToArray();
        var kinds = distinct.Select(k => k.Kind).ToArray();
        var names = distinct.Select(k => k.Key).ToArray();
        var latest = ReportTables.Qualified(Latest);
        var daily = ReportTables.Qualified(Daily);
        var utc = at.ToUniversalTime();
        ops.QueueSqlCommand(
            $"""
            update {daily} d set subjects = d.subjects - 1
            from {latest} l, unnest(?::text[], ?::text[]) as k(kind, key)
            where l.kind = k.kind and l.state = {stateSql} and l.key = k.key and l.subject_id = ? and l.last_at < ?
              and d.kind = l.kind and d.state = l.state and d.key = l.key and d.day = (l.last_at at time zone 'UTC')::date
            """,
            kinds, names, subjectId, subjectId, utc);
        ops.QueueSqlCommand(
            $"""
            insert into {daily} (kind, state, key, day, subjects)
            select k.kind, {stateSql}, k.key, (?::timestamptz at time zone 'UTC')::date, 1
            from unnest(?::text[], ?::text[]) as k(kind, key)
            where not exists (select 1 from {latest} l where l.kind = k.kind and l.state = {stateSql} and l.key = k.key and l.subject_id = ? and l.last_at >= ?)
            on conflict (kind, state, key, day) do update set subjects = {daily}.subjects + 1
            """,
            subjectId, utc, kinds, names, subjectId, subjectId, utc);
        ops.QueueSqlCommand(
            $"""
            insert into {latest} (kind, state, key, subject_id, last_at)
            select k.kind, {stateSql}, k.key, ?, ? from unnest(?::text[], ?::text[]) as k(kind, key)
            on conflict (kind, state, key, subject_id) do update set last_at = excluded.last_at where {latest}.last_at < excluded.last_at
            """,
            subjectId, subjectId, utc, kinds, names);
    }
}

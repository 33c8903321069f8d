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
    /// Queues the statements that record a page of facts, each under its key (kind, key, subject and the state
    /// <paramref name="stateSql"/> resolves for row <c>t</c>), at once: several facts of one key count as the latest of
    /// them. Subjects move out of their old latest day for every key a fact is later for, into the fact's day for every
    /// key it is later for (or first), then the new latest times are stored. The daemon runs one projection batch at a
    /// time, so the statements see each other's effects in order.
    /// </summary>
    public static void QueueTouches(IDocumentOperations ops, string stateSql, string[] kinds, string[] keys, string[] subjectIds, string?[] states, DateTimeOffset[] times)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var latest = ReportTables.Qualified(Latest);
        var daily = ReportTables.Qualified(Daily);
        var touch = $"""
            with touch as (
                select t.kind, t.key, t.subject_id, {stateSql} as state, max(t.at) as at
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) as t(kind, key, subject_id, state, at)
                group by 1, 2, 3, 4)
            """;
        ops.QueueSqlCommand(
            $"""
            {touch},
            moved as (
                select l.kind, l.state, l.key, (l.last_at at time zone 'UTC')::date as day, count(*) as subjects
                from touch k join {latest} l on l.kind = k.kind and l.state = k.state and l.key = k.key and l.subject_id = k.subject_id and l.last_at < k.at
                group by 1, 2, 3, 4)
            update {daily} d set subjects = d.subjects - m.subjects
            from moved m
            where d.kind = m.kind and d.state = m.state and d.key = m.key and d.day = m.day
            """,
            kinds, keys, subjectIds, states, times);
        ops.QueueSqlCommand(
            $"""
            {touch}
            insert into {daily} (kind, state, key, day, subjects)
            select k.kind, k.state, k.key, (k.at at time zone 'UTC')::date, count(*)
            from touch k
            where not exists (select 1 from {latest} l where l.kind = k.kind and l.state = k.state and l.key = k.key and l.subject_id = k.subject_id and l.last_at >= k.at)
            group by 1, 2, 3, 4
            on conflict (kind, state, key, day) do update set subjects = {daily}.subjects + excluded.subjects
            """,
            kinds, keys, subjectIds, states, times);
        ops.QueueSqlCommand(
            $"""
            {touch}
            insert into {latest} (kind, state, key, subject_id, last_at)
            select k.kind, k.state, k.key, k.subject_id, k.at from touch k
            on conflict (kind, state, key, subject_id) do update set last_at = excluded.last_at where {latest}.last_at < excluded.last_at
            """,
            kinds, keys, subjectIds, states, times);
    }
}

using System.Text.RegularExpressions;
using CallLoop.Domain;

namespace CallLoop.Silo.Reports.Requests;

/// <summary>
/// The work-queue filter as a SQL where-clause on the request records' JSON. Enums are compared by their wire
/// names (as stored), which Marten's LINQ would not do. Overdue: open and its current deadline before <see cref="AsOf"/>.
/// Open/closed and the current deadline are duplicated columns (<c>is_open</c>, <c>current_due_at</c>) with indexes.
/// Pages are keyset pages in the order current deadline (none last), then id: <see cref="After"/> is where the
/// previous page ended.
/// </summary>
public sealed record RequestQueueFilter(
    string Status,
    string? Jurisdiction,
    RightsRequestType? Type,
    DateTimeOffset? DueBefore,
    DateTimeOffset AsOf,
    int Limit,
    RequestQueueCursor? After = null)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultLimit = 500;

    /// <summary>The largest page an analyst may ask for.</summary>
    public const int MaxLimit = 5000;

    public const string Any = "any";
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Closed = "closed";

    private const string CurrentDue = "d.current_due_at";

    public (string Where, object[] Parameters) ToSql()
    {
        var (conditions, parameters) = Matching();
        switch (After)
        {
            case { DueAt: { } due, Id: var id }:
                conditions.Add($"({CurrentDue} > ? or ({CurrentDue} = ? and d.id > ?) or {CurrentDue} is null)");
                parameters.Add(due.ToUniversalTime());
                parameters.Add(due.ToUniversalTime());
                parameters.Add(id);
                break;
            case { Id: var id }:
                conditions.Add($"({CurrentDue} is null and d.id > ?)");
                parameters.Add(id);
                break;
        }

        var where = conditions.Count == 0 ? "true" : string.Join(" and ", conditions);
        return ($"where {where} order by {CurrentDue} nulls last, d.id limit {Limit}", parameters.ToArray());
    }

    /// <summary>
    /// Counts of every record the filter matches (whatever the page): by status, then open and overdue, open and due
    /// within <see cref="RequestQueueCounts.DueSoonWithinDays"/> days, as of <see cref="AsOf"/>; numbered parameters.
    /// </summary>
    public (string Sql, object[] Parameters) ToCountSql(string table)
    {
        var (conditions, parameters) = Matching();
        var placeholder = 0;
        var where = conditions.Count == 0 ? "true" : Regex.Replace(string.Join(" and ", conditions), @"\?", _ => $"${++placeholder}");
        var (asOf, soon) = ($"${parameters.Count + 1}", $"${parameters.Count + 2}");
        parameters.Add(AsOf.ToUniversalTime());
        parameters.Add(AsOf.ToUniversalTime().AddDays(RequestQueueCounts.DueSoonWithinDays));
        return ($"""
            select d.data ->> 'status', count(*),
                   count(*) filter (where d.is_open and {CurrentDue} < {asOf}),
                   count(*) filter (where d.is_open and {CurrentDue} >= {asOf} and {CurrentDue} <= {soon})
            from {table} d where {where} group by 1
            """, parameters.ToArray());
    }

    private (List<string> Conditions, List<object> Parameters) Matching()
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        switch (Status)
        {
            case Open:
                conditions.Add("d.is_open");
                break;
            case Overdue:
                conditions.Add($"d.is_open and {CurrentDue} < ?");
                parameters.Add(AsOf.ToUniversalTime());
                break;
            case Closed:
                conditions.Add("not d.is_open");
                break;
        }

        if (Jurisdiction is not null)
        {
            conditions.Add("d.data ->> 'jurisdiction' = ?");
            parameters.Add(Jurisdiction);
        }

        if (Type is { } type)
        {
            conditions.Add("d.data ->> 'type' = ?");
            parameters.Add(EnumText.ToText(type));
        }

        if (DueBefore is { } dueBefore)
        {
            conditions.Add($"{CurrentDue} < ?");
            parameters.Add(dueBefore.ToUniversalTime());
        }

        return (conditions, parameters);
    }
}

using CallLoop.EventStore.Projections.Deliveries;

namespace CallLoop.Silo.Deliveries;

/// <summary>
/// The cross-subject delivery queue's filter as SQL on the duplicated, indexed columns <c>status</c>,
/// <c>processor</c> and <c>planned_at</c> (<see cref="PlannedBefore"/> finds deliveries stuck for a while); oldest planned first, paged by (planned_at, id) after <see cref="After"/>.
/// </summary>
public sealed record DeliveryQueueFilter(string Status, string? Processor, DateTimeOffset? PlannedBefore, DeliveryQueueCursor? After, int Limit)
{
    public const string Any = "any";

    public static IReadOnlyList<string> Statuses { get; } = [Any, .. DeliveryQueueStatus.All];

    public (string Where, object[] Parameters) ToSql()
    {
        var (where, parameters) = Conditions();
        return ($"where {where} order by d.planned_at, d.id limit {Limit}", parameters);
    }

    private (string Where, object[] Parameters) Conditions()
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        if (Status != Any)
        {
            conditions.Add("d.status = ?");
            parameters.Add(Status);
        }

        if (Processor is not null)
        {
            conditions.Add("d.processor = ?");
            parameters.Add(Processor);
        }

        if (PlannedBefore is { } plannedBefore)
        {
            conditions.Add("d.planned_at < ?");
            parameters.Add(plannedBefore.ToUniversalTime());
        }

        if (After is { } after)
        {
            conditions.Add("(d.planned_at, d.id) > (?, ?)");
            parameters.Add(after.PlannedAt);
            parameters.Add(after.Id);
        }

        return (conditions.Count == 0 ? "true" : string.Join(" and ", conditions), parameters.ToArray());
    }

    /// <summary>How many deliveries match per status, over every page (the status filter, cursor and limit left out).</summary>
    public (string Sql, object[] Parameters) ToCountSql(string table)
    {
        var (where, parameters) = (this with { Status = Any, After = null }).Conditions();
        return ($"select d.status, count(*) from {table} d where {where} group by d.status", parameters);
    }
}

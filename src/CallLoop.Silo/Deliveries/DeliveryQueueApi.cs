using CallLoop.EventStore.Projections.Deliveries;
using CallLoop.Silo.Reports;
using CallLoop.Silo.Security;
using CallLoop.EventStore.Configuration;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Deliveries;

/// <summary>
/// GET /api/deliveries: the admins' queue of webhook deliveries across all subjects (e.g. every dead-lettered one),
/// oldest planned first, read from the async delivery-queue projection. Bad query values are 400 problems naming the parameter.
/// </summary>
public static class DeliveryQueueApi
{
    private const int MaxProcessorName = 200;

    public static IEndpointRouteBuilder MapDeliveryQueue(this IEndpointRouteBuilder routes)
    {
        var deliveries = routes.MapGroup("/api/deliveries").WithTags("Processor deliveries").RequireAuthorization(AccessPolicies.Admin);
        deliveries.MapGet("/", ListAsync).WithName("ListDeliveryQueue");
        deliveries.MapGet("/counts", CountAsync).WithName("CountDeliveryQueue");
        return routes;
    }

    public static async Task<Ok<DeliveryQueuePage>> ListAsync(
        string? status,
        string? processor,
        string? plannedBefore,
        string? limit,
        string? after,
        IQuerySession session,
        CancellationToken cancellationToken)
    {
        var filter = new DeliveryQueueFilter(
            QueryParameters.OneOf(status, "status", DeliveryQueueFilter.Any, [.. DeliveryQueueFilter.Statuses]),
            ProcessorName(processor),
            QueryParameters.OptionalInstant(plannedBefore, "plannedBefore"),
            DeliveryQueueCursor.Parse(after, "after"),
            QueryParameters.Limit(limit, "limit", 500, 5000));

        var (where, parameters) = filter.ToSql();
        var entries = await session.QueryAsync<DeliveryQueueEntry>(where, cancellationToken, parameters);
        var next = entries.Count == filter.Limit ? DeliveryQueueCursor.Of(entries[^1]).ToToken() : null;
        return TypedResults.Ok(new DeliveryQueuePage(filter.Status, filter.Processor, entries.Count, next, entries.Select(Item).ToArray()));
    }

    /// <summary>The queue's counts per status for the same processor and plannedBefore, computed by the database over every page.</summary>
    public static async Task<Ok<DeliveryQueueCounts>> CountAsync(string? processor, string? plannedBefore, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var filter = new DeliveryQueueFilter(DeliveryQueueFilter.Any, ProcessorName(processor), QueryParameters.OptionalInstant(plannedBefore, "plannedBefore"), null, 1);
        var (sql, parameters) = filter.ToCountSql($"{PrivacyEventStoreExtensions.SchemaName}.mt_doc_deliveryqueueentry");
        var position = 0;
        await using var command = db.CreateCommand(string.Concat(sql.Select(c => c == '?' ? $"${++position}" : c.ToString())));
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var byStatus = DeliveryQueueStatus.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byStatus[reader.IsDBNull(0) ? "unknown" : reader.GetString(0)] = reader.GetInt64(1);
        }

        return TypedResults.Ok(new DeliveryQueueCounts(filter.Processor, byStatus.Values.Sum(), byStatus));
    }

    private static string? ProcessorName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Trim();
        return name.Length <= MaxProcessorName && !name.Any(char.IsControl)
            ? name
            : throw QueryParameters.Invalid("processor", $"a processor's registry name of at most {MaxProcessorName} characters");
    }

    private static DeliveryQueueItem Item(DeliveryQueueEntry e)
    {
        var deliveries = $"/api/subjects/{Uri.EscapeDataString(e.SubjectId)}/deliveries";
        var one = $"{deliveries}/{Uri.EscapeDataString(e.DeliveryId)}";
        return new DeliveryQueueItem(
            e.SubjectId, e.DeliveryId, e.Processor, e.Action, e.RequestId, e.Status, e.Attempts, e.Redeliveries, e.PlannedAt,
            e.LastAttemptAt, e.DeliveredAt, e.DeadLetteredAt, e.AcknowledgedAt, e.WaivedAt,
            new DeliveryLinks(deliveries, $"{one}/redeliver", $"{one}/waive"));
    }
}

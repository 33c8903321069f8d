using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections;
using CallLoop.Silo.Security;
using JasperFx;
using Marten;
using Npgsql;
using ProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace CallLoop.Silo.Analytics;

/// <summary>GET /api/projections (progress and lag of each projection); POST /api/projections/{name}/rebuild.</summary>
internal static class ProjectionsApi
{
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapProjections(this IEndpointRouteBuilder routes)
    {
        var projections = routes.MapGroup("/api/projections").WithTags("Projections");
        projections.MapGet("/", ListAsync).WithName("ListProjections").RequireAuthorization(AccessPolicies.AnalystOrAdmin);
        projections.MapPost("/{name}/rebuild", RebuildAsync).WithName("RebuildProjection").RequireAuthorization(AccessPolicies.Admin);
        return routes;
    }

    public static async Task<Ok<List<ProjectionStatus>>> ListAsync(IDocumentStore store, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusAsync(store, db, cancellationToken));

    public static async Task<Results<Ok<ProjectionStatus>, ProblemHttpResult>> RebuildAsync(string name, IDocumentStore store, NpgsqlDataSource db, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!ProjectionNames.Async.Contains(name, StringComparer.Ordinal))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found.",
                detail: $"No async projection of that name; rebuildable: {string.Join(", ", ProjectionNames.Async)}.");
        }

        if (services.GetService<ProjectionCoordinator>() is not { } coordinator)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This host runs no async daemon.");
        }

        var daemon = coordinator.DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(name, RebuildTimeout, cancellationToken);

        // A rebuild on the node that runs the shard leaves the shard stopped: resume it so new events flow again.
        var shard = $"{name}:All";
        if (daemon.IsRunning && daemon.CurrentAgents().All(a => a.Name.Identity != shard || a.Status != AgentStatus.Running))
        {
            await daemon.StartAgentAsync(shard, cancellationToken);
        }

        return TypedResults.Ok((await StatusAsync(store, db, cancellationToken)).Single(p => p.Name == name));
    }

    private static async Task<List<ProjectionStatus>> StatusAsync(IDocumentStore store, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var highest = await HighestEventAsync(db, cancellationToken);
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var statuses = ProjectionNames.Inline.Select(name => new ProjectionStatus(name, "inline", highest, highest, 0, null)).ToList();
        foreach (var name in ProjectionNames.Async)
        {
            var shard = progress.FirstOrDefault(p => p.ShardName.StartsWith(name + ":", StringComparison.Ordinal));
            var sequence = shard?.Sequence ?? 0;
            statuses.Add(new ProjectionStatus(name, "async", sequence, highest, Math.Max(0, highest - sequence), shard?.LastUpdated ?? shard?.Timestamp));
        }

        return statuses;
    }

    private static async Task<long> HighestEventAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select coalesce(max(seq_id), 0) from {PrivacyEventStoreExtensions.SchemaName}.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

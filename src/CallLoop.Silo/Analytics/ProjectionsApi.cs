using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections;
using CallLoop.Silo.Security;
using CallLoop.Contracts.Daemon;
using CallLoop.EventStore.Daemon;
using CallLoop.Silo.Daemon;
using Marten;
using Npgsql;

namespace CallLoop.Silo.Analytics;

/// <summary>GET /api/projections (progress and lag of each projection); GET /api/projections/shards (which silo runs each daemon shard); POST /api/projections/{name}/rebuild.</summary>
internal static class ProjectionsApi
{
    public static IEndpointRouteBuilder MapProjections(this IEndpointRouteBuilder routes)
    {
        var projections = routes.MapGroup("/api/projections").WithTags("Projections");
        projections.MapGet("/", ListAsync).WithName("ListProjections").RequireAuthorization(AccessPolicies.AnalystOrAdmin);
        projections.MapGet("/shards", ShardsAsync).WithName("ListDaemonShards").RequireAuthorization(AccessPolicies.Admin);
        projections.MapPost("/{name}/rebuild", RebuildAsync).WithName("RebuildProjection").RequireAuthorization(AccessPolicies.Admin);
        return routes;
    }

    public static async Task<Ok<List<ProjectionStatus>>> ListAsync(IDocumentStore store, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusAsync(store, db, cancellationToken));

    /// <summary>Which silo runs each shard of the daemon (every async projection and the publication), and how far it has read.</summary>
    public static async Task<Ok<List<DaemonShardView>>> ShardsAsync(IDocumentStore store, IGrainFactory grains, DaemonShardLayout layout, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var shards = await Task.WhenAll(layout.Shards.Select(name => grains.GetGrain<IDaemonShardGrain>(name).GetStatusAsync()));
        return TypedResults.Ok(shards
            .Select(s => new DaemonShardView(s.Shard, s.Silo.ToString(), s.Running, s.Since, s.WaitingSince, progress.FirstOrDefault(p => p.ShardName == s.Shard)?.Sequence ?? 0))
            .ToList());
    }

    public static async Task<Results<Ok<ProjectionStatus>, ProblemHttpResult>> RebuildAsync(string name, IDocumentStore store, NpgsqlDataSource db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!ProjectionNames.Async.Contains(name, StringComparer.Ordinal))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found.",
                detail: $"No async projection of that name; rebuildable: {string.Join(", ", ProjectionNames.Async)}.");
        }

        // The shard's own leader rebuilds it, in the silo that runs it: stopped, replayed, then running on.
        await grains.GetGrain<IDaemonShardGrain>(DaemonShards.ShardOf(name)).RebuildAsync();

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

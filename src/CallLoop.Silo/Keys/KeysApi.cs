using CallLoop.Contracts.Keys;
using CallLoop.Domain;
using CallLoop.Grains.Keys;
using CallLoop.Silo.Processors;
using CallLoop.Silo.Security;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CallLoop.Silo.Keys;

/// <summary>Admin routes over the subjects' data keys: describe one subject's keys, re-wrap all after a master key rotation.</summary>
public static class KeysApi
{
    private const int Page = 500;

    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(AccessPolicies.Admin);
        keys.MapGet("/subjects/{subjectId}", DescribeAsync).WithName("DescribeSubjectKeys");
        keys.MapPost("/rewrap", RewrapAllAsync).WithName("RewrapSubjectKeys");
        return keys;
    }

    /// <summary>Key ids, categories, master key ids and dates; never key material.</summary>
    public static async Task<Ok<IReadOnlyList<SubjectKeyInfo>>> DescribeAsync(string subjectId, IGrainFactory grains)
    {
        SubjectIds.Validate(subjectId);
        return TypedResults.Ok(await grains.GetGrain<ISubjectKeyGrain>(subjectId).DescribeAsync());
    }

    /// <summary>
    /// Re-wraps every subject's live data keys and reseals every processor's signing secret under the current master
    /// key, so an old master key can be retired. Events are not touched. Idempotent: a second run re-wraps nothing.
    /// </summary>
    public static async Task<Ok<KeyRewrapReport>> RewrapAllAsync(
        NpgsqlDataSource db,
        IGrainFactory grains,
        MasterKeyRing masterKeys,
        IDocumentStore store,
        SigningSecretSealer sealer,
        CancellationToken cancellationToken)
    {
        var (subjects, rewrapped, unavailable) = (0, 0, 0);
        string? after = null;
        while (true)
        {
            var ids = await NextSubjectsAsync(db, after, cancellationToken);
            if (ids.Count == 0)
            {
                var resealed = await ProcessorSecretResealing.ResealAllAsync(store, sealer, cancellationToken);
                return TypedResults.Ok(new KeyRewrapReport(masterKeys.CurrentId, subjects, rewrapped, resealed, unavailable));
            }

            foreach (var id in ids)
            {
                var result = await grains.GetGrain<ISubjectKeyGrain>(id).RewrapAsync();
                (rewrapped, unavailable) = (rewrapped + result.Rewrapped, unavailable + result.Unavailable);
            }

            subjects += ids.Count;
            after = ids[^1];
        }
    }

    private static async Task<List<string>> NextSubjectsAsync(NpgsqlDataSource db, string? after, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select id from privacy.mt_streams where $1::text is null or id > $1 order by id limit {Page}");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}

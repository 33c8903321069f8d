using Marten;
using Npgsql;

namespace CallLoop.Silo.Analytics;

/// <summary>
/// Creates the analytics views and the analyst role at start-up, idempotently and under an advisory lock so
/// that silos starting together do not race. Without the right to create roles, the views are still created.
/// </summary>
internal sealed class AnalyticsSchemaInstaller(IDocumentStore store, NpgsqlDataSource db, ILogger<AnalyticsSchemaInstaller> logger) : IHostedService
{
    private const string InsufficientPrivilege = "42501";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The views select from Marten's tables, which must exist first.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await RunLockedAsync(AnalyticsSchema.ViewsSql, cancellationToken);
        try
        {
            await RunLockedAsync(AnalyticsSchema.RoleSql, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == InsufficientPrivilege)
        {
            logger.LogWarning("The database user may not create or grant the {Role} role; analytics views exist without it", AnalyticsSchema.AnalystRole);
            return;
        }

        logger.LogInformation("Analytics schema {Schema} and role {Role} are up to date", AnalyticsSchema.Schema, AnalyticsSchema.AnalystRole);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunLockedAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('callloop.analytics-schema'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

using CallLoop.Orleans.PostgreSql;
using Npgsql;

namespace CallLoop.Silo.Hosting;

/// <summary>Applies the Orleans ADO.NET schema and named queries (idempotent, under an advisory lock) before the silo starts.</summary>
internal sealed class OrleansSchemaInstaller(NpgsqlDataSource dataSource, ILogger<OrleansSchemaInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await OrleansPostgresSchema.ApplyAsync(dataSource, cancellationToken);
        logger.LogInformation("Orleans PostgreSQL schema is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

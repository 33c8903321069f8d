using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CallLoop.AppHost.Database;

internal static class DatabaseResourceExtensions
{
    public const string DatabaseName = "calloopdb";

    /// <summary>The connection Orleans clients get: the client role, which reads the membership table and nothing else.</summary>
    public const string ClientConnectionName = "calloopdb-client";

    /// <summary>The roles of scripts/postgres-init/database-roles.psql.</summary>
    public const string SiloRole = "callloop_silo";

    public const string ClientRole = "callloop_client";

    public static CallLoopDatabase AddCallLoopDatabase(this IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue("CallLoop:Postgres", DatabaseMode.Auto);
        if (builder.ExecutionContext.IsPublishMode)
        {
            mode = DatabaseMode.Container;
        }
        else if (mode == DatabaseMode.Auto)
        {
            mode = DockerAnswers() ? DatabaseMode.Container : DatabaseMode.Local;
        }

        return mode switch
        {
            DatabaseMode.Container => builder.AddContainerPostgres(),
            DatabaseMode.Local => builder.AddLocalPostgres(),
            DatabaseMode.ConnectionString => AddConnectionStrings(builder),
            _ => throw new InvalidOperationException($"Unknown CallLoop:Postgres mode '{mode}'."),
        };
    }

    /// <summary>
    /// A PostgreSQL container whose first start (a fresh data volume) runs scripts/postgres-init: the database and its
    /// roles, with passwords the AppHost generates (asked for as secret parameters when published).
    /// </summary>
    private static CallLoopDatabase AddContainerPostgres(this IDistributedApplicationBuilder builder)
    {
        var siloPassword = builder.AddParameter("postgres-silo-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);
        var clientPassword = builder.AddParameter("postgres-client-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);
        var server = builder.AddPostgres("postgres")
            .WithDataVolume("callloop-postgres-data")
            .WithBindMount("../scripts/postgres-init", "/docker-entrypoint-initdb.d", isReadOnly: true)
            .WithEnvironment("CALLLOOP_SILO_DB_PASSWORD", siloPassword)
            .WithEnvironment("CALLLOOP_CLIENT_DB_PASSWORD", clientPassword);
        var host = server.Resource.PrimaryEndpoint.Property(EndpointProperty.Host);
        var port = server.Resource.PrimaryEndpoint.Property(EndpointProperty.Port);
        var silo = builder.AddConnectionString(
            DatabaseName,
            ReferenceExpression.Create($"Host={host};Port={port};Username={SiloRole};Password={siloPassword.Resource};Database={DatabaseName}"));
        var client = builder.AddConnectionString(
            ClientConnectionName,
            ReferenceExpression.Create($"Host={host};Port={port};Username={ClientRole};Password={clientPassword.Resource};Database={DatabaseName}"));
        return new CallLoopDatabase(server, silo, client);
    }

    /// <summary>An existing server: ConnectionStrings:calloopdb (the silo's role) and ConnectionStrings:calloopdb-client.</summary>
    private static CallLoopDatabase AddConnectionStrings(IDistributedApplicationBuilder builder)
    {
        var silo = builder.AddConnectionString(DatabaseName);
        return new CallLoopDatabase(silo, silo, builder.AddConnectionString(ClientConnectionName));
    }

    private static CallLoopDatabase AddLocalPostgres(this IDistributedApplicationBuilder builder)
    {
        var port = builder.Configuration.GetValue("CallLoop:LocalPostgresPort", 54329);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDirectory = builder.Configuration["CallLoop:LocalPostgresDataDirectory"]
            ?? Path.Combine(repositoryRoot, ".postgres", "apphost");
        var resource = new LocalPostgresResource("postgres", "bash", repositoryRoot, port);
        var connectionString = resource.AdminConnectionString;

        builder.Services.AddHealthChecks().AddAsyncCheck($"{DatabaseName}-ready", async cancellationToken =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet.");
            }
        });

        // The script makes the database and its roles before the server runs; the cluster trusts 127.0.0.1.
        var server = builder.AddResource(resource)
            .WithArgs("scripts/postgres-local.sh", "run", dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture), DatabaseName)
            .WithHealthCheck($"{DatabaseName}-ready")
            .ExcludeFromManifest();
        var silo = builder.AddConnectionString(DatabaseName, e => e.AppendLiteral(resource.ConnectionStringFor(SiloRole, DatabaseName)))
            .ExcludeFromManifest();
        var client = builder.AddConnectionString(ClientConnectionName, e => e.AppendLiteral(resource.ConnectionStringFor(ClientRole, DatabaseName)))
            .ExcludeFromManifest();
        return new CallLoopDatabase(server, silo, client);
    }

    private static bool DockerAnswers()
    {
        try
        {
            var info = new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

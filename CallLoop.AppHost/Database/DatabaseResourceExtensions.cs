using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CallLoop.AppHost.Database;

internal static class DatabaseResourceExtensions
{
    public const string DatabaseName = "calloopdb";

    public static IResourceBuilder<IResourceWithConnectionString> AddCallLoopDatabase(this IDistributedApplicationBuilder builder)
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
            DatabaseMode.Container => builder.AddPostgres("postgres").WithDataVolume("callloop-postgres-data").AddDatabase(DatabaseName),
            DatabaseMode.Local => builder.AddLocalPostgres(),
            DatabaseMode.ConnectionString => builder.AddConnectionString(DatabaseName),
            _ => throw new InvalidOperationException($"Unknown CallLoop:Postgres mode '{mode}'."),
        };
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddLocalPostgres(this IDistributedApplicationBuilder builder)
    {
        var port = builder.Configuration.GetValue("CallLoop:LocalPostgresPort", 54329);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDirectory = builder.Configuration["CallLoop:LocalPostgresDataDirectory"]
            ?? Path.Combine(repositoryRoot, ".postgres", "apphost");
        var resource = new LocalPostgresResource(DatabaseName, "bash", repositoryRoot, port);
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

        return builder.AddResource(resource)
            .WithArgs("scripts/postgres-local.sh", "run", dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture), DatabaseName)
            .WithHealthCheck($"{DatabaseName}-ready")
            .ExcludeFromManifest();
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

using CallLoop.Contracts.Connecting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace CallLoop.Samples.ConsentRecorder;

public static class ConsentRecorderHosting
{
    /// <summary>
    /// The connection to the database that holds the cluster's membership, unless "Orleans:Clustering:ConnectionName"
    /// names another (the AppHost gives clients "calloopdb-client", a role that reads the membership table only).
    /// </summary>
    public const string DatabaseConnectionName = "calloopdb";

    /// <summary>
    /// An Orleans client on ADO.NET clustering: it reads the live gateways from the membership table through the
    /// database the silos use (cluster and service ids from "Orleans:ClusterId" / "Orleans:ServiceId", as the
    /// AppHost sets them), and the <see cref="ConsentRecorder"/> that uses it.
    /// </summary>
    public static IHostApplicationBuilder AddConsentRecorder(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(builder.Configuration["Orleans:Clustering:ConnectionName"] ?? DatabaseConnectionName);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> o) =>
                o.PostConfigure<NpgsqlDataSource>((options, dataSource) =>
                    (options.Invariant, options.DataSource, options.ConnectionString) = ("Npgsql", dataSource, null)));

            // TLS with the service's certificate ("CallLoop:Orleans:Tls"; Development: the throwaway "service" one).
            // The silos act with its roles and record its common name as the actor.
            client.UseCallLoopTls(builder.Configuration, builder.Environment.IsDevelopment(), developmentIdentity: "service");
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConsentRecorder>();
        return builder;
    }
}

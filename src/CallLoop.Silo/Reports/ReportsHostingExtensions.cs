using CallLoop.Silo.Analytics;

namespace CallLoop.Silo.Reports;

public static class ReportsHostingExtensions
{
    /// <summary>The analysts' side of the silo host: the analytics SQL schema and role, created at start-up.</summary>
    public static WebApplicationBuilder AddCallLoopReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<AnalyticsSchemaInstaller>();
        return builder;
    }
}

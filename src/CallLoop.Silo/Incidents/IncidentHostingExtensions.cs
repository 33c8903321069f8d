using CallLoop.EventStore.Incidents;
using CallLoop.Grains.Incidents;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallLoop.Silo.Incidents;

public static class IncidentHostingExtensions
{
    /// <summary>
    /// What the incident grains need on every silo: their settings (<see cref="IncidentOptions"/>, section
    /// "CallLoop:Incidents": CeilingDays, DueSoonLead, RetryPeriod, FollowUpAfter,
    /// AssessmentAttempts, AssessmentRetryAfter, AssessmentRetryMax), the incident stream and the assessment's SQL.
    /// </summary>
    public static IServiceCollection AddCallLoopIncidents(this IServiceCollection services)
    {
        services.AddOptions<IncidentOptions>()
            .BindConfiguration(IncidentOptions.Section)
            .Validate(
                o => o.CeilingDays is > 0 and <= 365 && o.DueSoonLead >= TimeSpan.Zero && o.FollowUpAfter > TimeSpan.Zero
                     && o.AssessmentAttempts is > 0 and <= 100 && o.AssessmentRetryAfter >= TimeSpan.Zero && o.AssessmentRetryMax >= o.AssessmentRetryAfter,
                $"{IncidentOptions.Section}: CeilingDays must be 1-365, DueSoonLead not negative, FollowUpAfter positive, AssessmentAttempts 1-100 and AssessmentRetryMax at least AssessmentRetryAfter.")
            .ValidateOnStart();

        // The list of incidents' table, created with the store's other tables (those are configured with the store).
        services.ConfigureMarten(store => store.Storage.ExtendedSchemaObjects.Add(IncidentTables.IncidentsTable()));
        services.TryAddSingleton<IncidentStreams>();
        services.TryAddSingleton<IIncidentStreams>(sp => sp.GetRequiredService<IncidentStreams>());
        services.TryAddSingleton<IncidentAssessments>();
        return services;
    }

    /// <summary>The obligations gauge, refreshed from the database (<see cref="IncidentObligationMetrics"/>).</summary>
    public static IServiceCollection AddIncidentObligationMetrics(this IServiceCollection services) =>
        services.AddHostedService<IncidentObligationMetrics>();
}

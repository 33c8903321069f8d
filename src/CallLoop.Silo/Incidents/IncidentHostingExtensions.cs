using CallLoop.EventStore.Incidents;
using CallLoop.Grains.Incidents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallLoop.Silo.Incidents;

public static class IncidentHostingExtensions
{
    /// <summary>
    /// What the incident grains need on every silo: their settings (<see cref="IncidentOptions"/>, section
    /// "CallLoop:Incidents": CeilingDays, DueSoonLead, RetryPeriod, FollowUpAfter,
    /// AssessmentAttempts, AssessmentRetryAfter, AssessmentRetryMax), the incident stream, the assessment's SQL and the
    /// list of incidents' catch-up at start (<see cref="IncidentListCatchUp"/>).
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

        services.TryAddSingleton<IncidentStreams>();
        services.TryAddSingleton<IIncidentStreams>(sp => sp.GetRequiredService<IncidentStreams>());
        services.TryAddSingleton<IncidentAssessments>();

        // Before the silo joins: incidents reported before the list of incidents existed get their line.
        services.AddHostedService<IncidentListCatchUp>();
        return services;
    }

    /// <summary>The obligations gauge, refreshed from the database (<see cref="IncidentObligationMetrics"/>).</summary>
    public static IServiceCollection AddIncidentObligationMetrics(this IServiceCollection services) =>
        services.AddHostedService<IncidentObligationMetrics>();
}

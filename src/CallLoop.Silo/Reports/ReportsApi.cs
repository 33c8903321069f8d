using CallLoop.Silo.Analytics;
using CallLoop.Silo.Failover;
using CallLoop.Silo.Problems;
using CallLoop.Silo.Reports.Consents;
using CallLoop.Silo.Reports.Metrics;
using CallLoop.Silo.Reports.Recipients;
using CallLoop.Silo.Reports.Requests;
using CallLoop.Silo.Reports.Sms;
using CallLoop.Silo.Reports.States;
using CallLoop.Silo.Reports.Subjects;
using CallLoop.Silo.Security;

namespace CallLoop.Silo.Reports;

/// <summary>Every read-side route for analysts: subject answers, the request queue, reports, recipients, projections.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup(string.Empty).WithProblemResponses().AddEndpointFilter<SiloFailoverRetry>();
        routes.MapSubjectReads();
        routes.MapRequestQueue();
        routes.MapRecipients();
        routes.MapProjections();

        var reports = routes.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(AccessPolicies.Analyst);
        reports.MapStateReport();
        reports.MapRequestMetrics();
        reports.MapConsentLedger();
        reports.MapNumberSuppressionReport();
        return app;
    }
}

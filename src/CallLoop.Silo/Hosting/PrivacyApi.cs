using CallLoop.Silo.Audit;
using CallLoop.Silo.Collection;
using CallLoop.Silo.Consent;
using CallLoop.Silo.Corrections;
using CallLoop.Silo.Deliveries;
using CallLoop.Silo.Disclosures;
using CallLoop.Silo.Failover;
using CallLoop.Silo.Incidents;
using CallLoop.Silo.Keys;
using CallLoop.Silo.LegalHolds;
using CallLoop.Silo.Minors;
using CallLoop.Silo.OptOuts;
using CallLoop.Silo.Problems;
using CallLoop.Silo.Processors;
using CallLoop.Silo.Requests;
using CallLoop.Silo.Restriction;
using CallLoop.Silo.Signals;
using CallLoop.Silo.Sms;
using CallLoop.Silo.Subjects;

namespace CallLoop.Silo.Hosting;

public static class PrivacyApi
{
    /// <summary>Every route of the privacy API, one feature at a time.</summary>
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup(string.Empty).WithProblemResponses().AddEndpointFilter<SiloFailoverRetry>();
        routes.MapSubjectsApi();
        routes.MapCollectionsApi();
        routes.MapConsentApi();
        routes.MapOptOutsApi();
        routes.MapSignalsApi();
        routes.MapInboundTextsApi();
        routes.MapSendingSystemsApi();
        routes.MapRequestsApi();
        routes.MapDisclosuresApi();
        routes.MapCorrectionsApi();
        routes.MapRestrictionApi();
        routes.MapLegalHoldsApi();
        routes.MapMinorsApi();
        routes.MapProcessorsApi();
        routes.MapDeliveriesApi();
        routes.MapDeliveryQueue();
        routes.MapAuditApi();
        routes.MapKeysApi();
        routes.MapIncidentsApi();
        return app;
    }
}

using CallLoop.Contracts.Incidents;
using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CallLoop.Silo.Incidents;

/// <summary>
/// Security incidents: report and correct, assess who was affected (a background job), notify people and
/// regulators, render each jurisdiction's notice. Privacy officers and admins only.
/// </summary>
public static class IncidentsApi
{
    public const int DefaultPage = 100;

    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        var incidents = routes.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(AccessPolicies.PrivacyOfficerOrAdmin);
        incidents.MapPost("", ReportAsync).WithName("ReportIncident");
        incidents.MapGet("", ListAsync).WithName("ListIncidents");
        incidents.MapGet("/{incidentId}", GetAsync).WithName("GetIncident");
        incidents.MapPost("/{incidentId}/corrections", CorrectAsync).WithName("CorrectIncident");
        incidents.MapPost("/{incidentId}/assessment", AssessAsync).WithName("AssessIncident");
        incidents.MapGet("/{incidentId}/subjects", SubjectsAsync).WithName("ListIncidentSubjects");
        incidents.MapPost("/{incidentId}/notices", NoticesAsync).WithName("RecordBreachNotices");
        incidents.MapPost("/{incidentId}/regulator-notices", RegulatorNoticeAsync).WithName("RecordRegulatorNotice");
        incidents.MapPost("/{incidentId}/credit-bureau-notices", CreditBureauNoticeAsync).WithName("RecordCreditBureauNotice");
        incidents.MapGet("/{incidentId}/notice", NoticeAsync).WithName("RenderBreachNotice");

        // Obligations across every incident: a resource of its own, so no incident id can be shadowed by a route word.
        routes.MapGroup("/api/incident-obligations").WithTags("Incidents").RequireAuthorization(AccessPolicies.PrivacyOfficerOrAdmin)
            .MapGet("", ObligationsAsync).WithName("ListIncidentObligations");

        // Restarting a failed assessment is the privacy officer's call (admins may start a first one, not this).
        routes.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(AccessPolicies.PrivacyOfficer)
            .MapPost("/{incidentId}/assessment/restart", RestartAssessmentAsync).WithName("RestartIncidentAssessment");
        return incidents;
    }

    public static async Task<Created<IncidentView>> ReportAsync(ReportIncidentBody body, IGrainFactory grains, HttpContext http)
    {
        var incidentId = IncidentIds.Validate(body.IncidentId);
        var view = await grains.GetGrain<IIncidentGrain>(incidentId).ReportAsync(new ReportIncident { IncidentId = incidentId, Facts = body.Facts.ToFacts() }, http.Actor());
        return TypedResults.Created($"/api/incidents/{incidentId}", view);
    }

    /// <summary>The obligation queue across incidents (see <see cref="IncidentObligationQueue"/>).</summary>
    public static async Task<Ok<IncidentObligationPage>> ObligationsAsync(string? state, string? limit, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await IncidentObligationQueue.ListAsync(state, limit, db, cancellationToken));

    /// <summary>Every incident, obligations or not, newest first, a page at a time (see <see cref="IncidentList"/>).</summary>
    public static async Task<Ok<IncidentListPage>> ListAsync(string? limit, string? cursor, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await IncidentList.ListAsync(limit, cursor, db, cancellationToken));

    public static async Task<Ok<IncidentView>> GetAsync(string incidentId, IGrainFactory grains) =>
        TypedResults.Ok(await Incident(grains, incidentId).GetAsync());

    public static async Task<Ok<IncidentView>> CorrectAsync(string incidentId, CorrectIncidentBody body, IGrainFactory grains, HttpContext http)
    {
        var command = new CorrectIncident { IncidentId = incidentId, Facts = body.Facts.ToFacts(), Reason = body.Reason ?? string.Empty };
        return TypedResults.Ok(await Incident(grains, incidentId).CorrectAsync(command, http.Actor()));
    }

    /// <summary>Answers 202 at once; GET the incident for the assessment's progress and, once completed, the obligations.</summary>
    public static async Task<Accepted<IncidentView>> AssessAsync(string incidentId, IGrainFactory grains, HttpContext http) =>
        TypedResults.Accepted($"/api/incidents/{incidentId}", await Incident(grains, incidentId).StartAssessmentAsync(http.Actor()));

    /// <summary>Starts a failed assessment again (409 naming <c>assessment-not-failed</c> otherwise); 202 like a first start.</summary>
    public static async Task<Accepted<IncidentView>> RestartAssessmentAsync(string incidentId, IGrainFactory grains, HttpContext http) =>
        TypedResults.Accepted($"/api/incidents/{incidentId}", await Incident(grains, incidentId).RestartAssessmentAsync(http.Actor()));

    public static async Task<Ok<IncidentSubjectPage>> SubjectsAsync(string incidentId, string? jurisdiction, string? after, int? limit, IGrainFactory grains) =>
        TypedResults.Ok(await Incident(grains, incidentId).GetSubjectsAsync(jurisdiction ?? string.Empty, after, limit ?? DefaultPage));

    public static async Task<Ok<NoticeOutcome>> NoticesAsync(string incidentId, NoticesBody body, IGrainFactory grains, HttpContext http)
    {
        var channel = BodyFields.Enum<NoticeChannel>(body.Channel, "channel");
        var sentAt = BodyFields.OptionalTime(body.SentAt, "sentAt");
        var ids = (body.SubjectIds ?? []).Select(id => id ?? string.Empty).ToArray();
        return TypedResults.Ok(await Incident(grains, incidentId).RecordNoticesAsync(ids, channel, sentAt, http.Actor()));
    }

    public static async Task<Ok<IncidentView>> RegulatorNoticeAsync(string incidentId, RegulatorNoticeBody body, IGrainFactory grains, HttpContext http)
    {
        var command = new RecordRegulatorNotice
        {
            IncidentId = incidentId,
            Jurisdiction = body.Jurisdiction ?? string.Empty,
            Regulator = body.Regulator ?? string.Empty,
            SentAt = BodyFields.OptionalTime(body.SentAt, "sentAt"),
        };
        return TypedResults.Ok(await Incident(grains, incidentId).RecordRegulatorNoticeAsync(command, http.Actor()));
    }

    public static async Task<Ok<IncidentView>> CreditBureauNoticeAsync(string incidentId, CreditBureauNoticeBody body, IGrainFactory grains, HttpContext http)
    {
        var command = new RecordCreditBureauNotice
        {
            IncidentId = incidentId,
            Jurisdiction = body.Jurisdiction,
            Bureau = BodyFields.Enum<CreditBureau>(body.Bureau, "bureau"),
            SentAt = BodyFields.OptionalTime(body.SentAt, "sentAt"),
        };
        return TypedResults.Ok(await Incident(grains, incidentId).RecordCreditBureauNoticeAsync(command, http.Actor()));
    }

    public static async Task<Ok<BreachNotice>> NoticeAsync(string incidentId, string? jurisdiction, IGrainFactory grains) =>
        TypedResults.Ok(await Incident(grains, incidentId).RenderNoticeAsync(jurisdiction ?? string.Empty));

    private static IIncidentGrain Incident(IGrainFactory grains, string incidentId) => grains.GetGrain<IIncidentGrain>(IncidentIds.Validate(incidentId));
}

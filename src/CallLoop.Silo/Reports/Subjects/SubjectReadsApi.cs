using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Silo.Audit;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Marten;

namespace CallLoop.Silo.Reports.Subjects;

/// <summary>
/// Answers about one subject, computed from its grain's state: always current (every command acknowledged before the
/// read is in the answer) and never waiting for a projection. The access report and the export hold personal values:
/// the grain records the read before it hands the state over (purpose defaults to rights-request, the reason these
/// reads exist), and a read that cannot be recorded answers nothing.
/// </summary>
internal static class SubjectReadsApi
{
    public static IEndpointRouteBuilder MapSubjectReads(this IEndpointRouteBuilder routes)
    {
        var subject = routes.MapGroup("/api/subjects/{subjectId}").WithTags("Subject reports").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        subject.MapGet("/access-report", AccessReportAsync).WithName("GetAccessReport");
        subject.MapGet("/export", ExportAsync).WithName("ExportSubject");
        subject.MapGet("/shine-the-light", ShineTheLightAsync).WithName("GetShineTheLight");
        return routes;
    }

    public static async Task<Ok<AccessReport>> AccessReportAsync(
        string subjectId, string? level, string? all, string? purpose, string? requestId, IGrainFactory grains, HttpContext http, TimeProvider clock)
    {
        var detail = QueryParameters.OneOf(level, "level", AccessReportBuilder.CategoriesLevel, AccessReportBuilder.CategoriesLevel, AccessReportBuilder.SpecificLevel);
        var everything = QueryParameters.Flag(all, "all");
        var request = string.IsNullOrWhiteSpace(requestId) ? null : await grains.Subject(subjectId).GetRequestAsync(requestId);
        if (detail == AccessReportBuilder.SpecificLevel)
        {
            RightToKnowAnswer.RequireSpecificPiecesAllowed(request);
        }

        var state = await grains.Subject(subjectId).ReadStateAsync(http.Access(purpose, requestId, AccessPurpose.RightsRequest), AccessedView.AccessReport);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(AccessReportBuilder.Build(state, detail, everything ? null : RightToKnowAnswer.WindowStart(request, now), now));
    }

    public static async Task<Results<Ok<SubjectExport>, CsvFile>> ExportAsync(
        string subjectId, string? purpose, string? requestId, IGrainFactory grains, HttpContext http, TimeProvider clock)
    {
        var state = await grains.Subject(subjectId).ReadStateAsync(http.Access(purpose, requestId, AccessPurpose.RightsRequest), AccessedView.Export);
        var export = new SubjectExport(subjectId, clock.GetUtcNow(), SubjectViews.ToPersonalProfile(NeverDisclosedFields.Withhold(state)), state.Collections);
        return CsvText.Requested(http.Request) ? export.ToCsv().ToResult($"subject-{subjectId}.csv") : TypedResults.Ok(export);
    }

    /// <summary>Recipient names and categories only (no personal values): read from the grain without an audit record.</summary>
    public static async Task<Ok<ShineTheLightReport>> ShineTheLightAsync(
        string subjectId, string? year, IGrainFactory grains, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendarYear = QueryParameters.Year(year, "year", clock.GetUtcNow().Year - 1);
        var profile = await grains.Subject(subjectId).GetProfileAsync();
        if (!profile.Registered)
        {
            throw new SubjectNotFoundException(subjectId);
        }

        var disclosures = profile.Disclosures
            .Where(d => d.Purpose == DisclosurePurpose.DirectMarketing && d.RecipientType == RecipientType.ThirdParty)
            .Where(d => d.DisclosedAt.UtcDateTime.Year == calendarYear)
            .ToList();
        var names = disclosures.Select(d => d.Recipient).Distinct(StringComparer.Ordinal).ToArray();
        var registry = (await session.LoadManyAsync<Recipient>(cancellationToken, names)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var recipients = disclosures
            .GroupBy(d => d.Recipient, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ShineTheLightRecipient(
                g.Key,
                registry.TryGetValue(g.Key, out var known) ? known.Address : null,
                g.SelectMany(d => d.Categories).Distinct().Order().Select(EnumText.ToText).ToList()))
            .ToList();
        return TypedResults.Ok(new ShineTheLightReport(subjectId, calendarYear, profile.Jurisdiction, recipients));
    }
}

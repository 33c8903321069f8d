using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Recipients;
using CallLoop.EventStore.Projections.Subjects;
using CallLoop.EventStore.Protection;
using CallLoop.Grains.Keys;
using CallLoop.Silo.Audit;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Marten;

namespace CallLoop.Silo.Reports.Subjects;

/// <summary>
/// Read-side answers about one subject, from the access profile projection, awaited up to the subject's
/// latest committed event (never stale after an acknowledged command). The access
/// report and the export hold personal values: each is recorded through the subject's grain before it is read
/// (purpose defaults to rights-request, the reason these reads exist), and a read that cannot be recorded answers nothing.
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
        string subjectId, string? level, string? all, string? purpose, string? requestId, IGrainFactory grains, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var detail = QueryParameters.OneOf(level, "level", AccessReportBuilder.CategoriesLevel, AccessReportBuilder.CategoriesLevel, AccessReportBuilder.SpecificLevel);
        var everything = QueryParameters.Flag(all, "all");
        var request = string.IsNullOrWhiteSpace(requestId) ? null : await grains.Subject(subjectId).GetRequestAsync(requestId);
        if (detail == AccessReportBuilder.SpecificLevel)
        {
            RightToKnowAnswer.RequireSpecificPiecesAllowed(request);
        }

        await grains.Subject(subjectId).RecordPersonalDataAccessAsync(http.Access(purpose, requestId, AccessPurpose.RightsRequest), AccessedView.AccessReport);
        var profile = await OpenAsync(await LoadAsync(session, subjectId, cancellationToken), grains);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(AccessReportBuilder.Build(profile, detail, everything ? null : RightToKnowAnswer.WindowStart(request, now), now));
    }

    public static async Task<Results<Ok<SubjectExport>, FileContentHttpResult>> ExportAsync(
        string subjectId, string? purpose, string? requestId, IGrainFactory grains, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        await grains.Subject(subjectId).RecordPersonalDataAccessAsync(http.Access(purpose, requestId, AccessPurpose.RightsRequest), AccessedView.Export);
        var profile = await OpenAsync(await LoadAsync(session, subjectId, cancellationToken), grains);
        var export = new SubjectExport(profile.Id, clock.GetUtcNow(), SubjectProjection.ToPersonalProfile(NeverDisclosedFields.Withhold(profile.State)), profile.Collections);
        return CsvText.Requested(http.Request) ? export.ToCsv().ToResult($"subject-{subjectId}.csv") : TypedResults.Ok(export);
    }

    public static async Task<Ok<ShineTheLightReport>> ShineTheLightAsync(string subjectId, string? year, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendarYear = QueryParameters.Year(year, "year", clock.GetUtcNow().Year - 1);
        var profile = await LoadAsync(session, subjectId, cancellationToken);
        var disclosures = profile.State.Disclosures
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
        return TypedResults.Ok(new ShineTheLightReport(profile.Id, calendarYear, profile.State.Jurisdiction, recipients));
    }

    /// <summary>The profile's values are stored sealed; the subject's key grain opens them (erased ones are absent).</summary>
    private static async Task<SubjectAccessProfile> OpenAsync(SubjectAccessProfile profile, IGrainFactory grains)
    {
        profile.State = await SubjectKeyProtector.For(grains, profile.Id).OpenAsync(profile.State, profile.SealedBirthDate);
        return profile;
    }

    private static async Task<SubjectAccessProfile> LoadAsync(IQuerySession session, string subjectId, CancellationToken cancellationToken) =>
        await session.LoadCurrentAsync(subjectId, cancellationToken) is { State.IsRegistered: true } profile
            ? profile
            : throw new SubjectNotFoundException(subjectId);
}

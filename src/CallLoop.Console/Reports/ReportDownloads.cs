using CallLoop.Console.Api;

namespace CallLoop.Console.Reports;

/// <summary>
/// CSV downloads of the API's reports: the browser asks the console (signed in by cookie), the console asks the API
/// with the person's token, so the API still decides whether that person may read the report.
/// </summary>
public static class ReportDownloads
{
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/downloads/state-report/{state}.csv", StateReportAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> StateReportAsync(string state, DateOnly? asOf, HttpContext http, ApiCaller caller, SiloApi api, TimeProvider clock, CancellationToken cancellationToken)
    {
        caller.Principal = http.User;
        var day = asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        try
        {
            var csv = await api.CsvAsync(SiloApi.StateReportPath(state, day), cancellationToken);
            return TypedResults.File(csv, "text/csv", $"state-report-{state}-{day:yyyy-MM-dd}.csv");
        }
        catch (ApiException refused)
        {
            return TypedResults.Problem(refused.Problem.Words, statusCode: (int)refused.Problem.Status);
        }
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallLoop.Console.Api;

/// <summary>
/// The silos' HTTP API, called with the signed-in person's token: the API checks the role and audits the reads; a
/// refusal comes back as an <see cref="ApiException"/> carrying the problem details.
/// </summary>
public sealed class SiloApi(HttpClient http, ApiCaller caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One page of the work queue: <paramref name="cursor"/> is the previous page's nextCursor (null: the first page).</summary>
    public Task<RequestQueue> RequestQueueAsync(string status, string? jurisdiction, string? type, int limit, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<RequestQueue>(Query("api/requests", ("status", status), ("jurisdiction", jurisdiction), ("type", type), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    public Task<RequestQueueCounts> RequestCountsAsync(string status, string? jurisdiction, string? type, CancellationToken cancellationToken = default) =>
        GetAsync<RequestQueueCounts>(Query("api/requests/counts", ("status", status), ("jurisdiction", jurisdiction), ("type", type)), cancellationToken);

    public Task<RightsRequestView> RequestAsync(string subjectId, string requestId, CancellationToken cancellationToken = default) =>
        GetAsync<RightsRequestView>($"api/subjects/{Uri.EscapeDataString(subjectId)}/requests/{Uri.EscapeDataString(requestId)}", cancellationToken);

    public Task<IReadOnlyList<RequestTimelineEntry>> RequestTimelineAsync(string subjectId, string requestId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RequestTimelineEntry>>($"api/subjects/{Uri.EscapeDataString(subjectId)}/requests/{Uri.EscapeDataString(requestId)}/timeline", cancellationToken);

    /// <summary>One step of the request's lifecycle (receipt-confirmation, verification, extension, completion, appeal/decision, ...).</summary>
    public Task<RightsRequestView> RequestStepAsync(string subjectId, string requestId, string step, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<RightsRequestView>(HttpMethod.Post, $"api/subjects/{Uri.EscapeDataString(subjectId)}/requests/{Uri.EscapeDataString(requestId)}/{step}", body ?? new { }, cancellationToken);

    public Task<SubjectProfile> ProfileAsync(string subjectId, CancellationToken cancellationToken = default) =>
        GetAsync<SubjectProfile>($"api/subjects/{Uri.EscapeDataString(subjectId)}", cancellationToken);

    /// <summary>The audited read: the API records who read the values and why before answering.</summary>
    public Task<SubjectProfile> PersonalDataAsync(string subjectId, string purpose, string? requestId, CancellationToken cancellationToken = default) =>
        GetAsync<SubjectProfile>(Query($"api/subjects/{Uri.EscapeDataString(subjectId)}/personal-data", ("purpose", purpose), ("requestId", requestId)), cancellationToken);

    /// <summary>The event history (audited like the values, which its events carry).</summary>
    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string subjectId, string purpose, string? requestId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<HistoryEntry>>(Query($"api/subjects/{Uri.EscapeDataString(subjectId)}/history", ("purpose", purpose), ("requestId", requestId)), cancellationToken);

    public Task<IReadOnlyList<ReadAuditEntry>> ReadAuditAsync(string subjectId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ReadAuditEntry>>($"api/subjects/{Uri.EscapeDataString(subjectId)}/audit", cancellationToken);

    public Task<IReadOnlyList<Delivery>> DeliveriesAsync(string subjectId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Delivery>>($"api/subjects/{Uri.EscapeDataString(subjectId)}/deliveries", cancellationToken);

    /// <summary>One page of the delivery queue: <paramref name="after"/> is the previous page's next (null: the first page).</summary>
    public Task<DeliveryQueuePage> DeliveryQueueAsync(string status, int limit, string? after, CancellationToken cancellationToken = default) =>
        GetAsync<DeliveryQueuePage>(Query("api/deliveries", ("status", status), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("after", after)), cancellationToken);

    public Task<DeliveryQueueCounts> DeliveryCountsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<DeliveryQueueCounts>("api/deliveries/counts", cancellationToken);

    public Task RedeliverAsync(string subjectId, string deliveryId, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/subjects/{Uri.EscapeDataString(subjectId)}/deliveries/{Uri.EscapeDataString(deliveryId)}/redeliver", new { reason }, cancellationToken);

    public Task WaiveAsync(string subjectId, string deliveryId, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/subjects/{Uri.EscapeDataString(subjectId)}/deliveries/{Uri.EscapeDataString(deliveryId)}/waive", new { reason }, cancellationToken);

    public Task<IncidentObligationPage> IncidentObligationsAsync(string state, CancellationToken cancellationToken = default) =>
        GetAsync<IncidentObligationPage>(Query("api/incident-obligations", ("state", state), ("limit", "2000")), cancellationToken);

    /// <summary>One page of every incident, newest discovery first: <paramref name="cursor"/> is the previous page's nextCursor.</summary>
    public Task<IncidentListPage> IncidentListAsync(int limit, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync<IncidentListPage>(Query("api/incidents", ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    public Task<IncidentDetail> IncidentAsync(string incidentId, CancellationToken cancellationToken = default) =>
        GetAsync<IncidentDetail>($"api/incidents/{Uri.EscapeDataString(incidentId)}", cancellationToken);

    /// <summary>Starts a failed assessment again (privacy officers only).</summary>
    public Task<IncidentDetail> RestartAssessmentAsync(string incidentId, CancellationToken cancellationToken = default) =>
        SendAsync<IncidentDetail>(HttpMethod.Post, $"api/incidents/{Uri.EscapeDataString(incidentId)}/assessment/restart", new { }, cancellationToken);

    public Task<StateCategoryReport> StateReportAsync(string state, DateOnly asOf, CancellationToken cancellationToken = default) =>
        GetAsync<StateCategoryReport>(StateReportPath(state, asOf), cancellationToken);

    public Task<RequestMetricsReport> RequestMetricsAsync(int year, CancellationToken cancellationToken = default) =>
        GetAsync<RequestMetricsReport>(Query("api/reports/request-metrics", ("year", year.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    /// <summary>Subjects consenting per marketing channel at the end of each period (the API's defaults: the last 12).</summary>
    public Task<ConsentSeriesReport> ConsentSeriesAsync(string interval, CancellationToken cancellationToken = default) =>
        GetAsync<ConsentSeriesReport>(Query("api/reports/consents/series", ("interval", interval)), cancellationToken);

    public Task<IReadOnlyList<ProjectionStatus>> ProjectionsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ProjectionStatus>>("api/projections", cancellationToken);

    /// <summary>A report as the API's CSV (for downloads), or the problem it answered.</summary>
    public async Task<byte[]> CsvAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsByteArrayAsync(cancellationToken)
            : throw new ApiException(await ApiProblem.ReadAsync(response, cancellationToken));
    }

    public static string StateReportPath(string state, DateOnly asOf) =>
        Query($"api/reports/states/{Uri.EscapeDataString(state)}", ("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z"));

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, path);
        return await ReadAsync<T>(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(method, path);
        request.Content = JsonContent.Create(body, options: Json);

        // A retried POST (the resilience handler's) is recognised by the API and not applied twice.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await ReadAsync<T>(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (await caller.TokenAsync() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException(await ApiProblem.ReadAsync(response, cancellationToken));
            }

            return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
        }
    }

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToArray();
        return present.Length == 0 ? path : $"{path}?{string.Join('&', present)}";
    }
}

namespace CallLoop.Integration.Tests.Fuzz;

/// <summary>A route of the HTTP API with placeholders {id}, {request}, {purpose}, {hold}, {state} filled by the fuzzer.</summary>
internal sealed record FuzzedRoute(string Method, string Template)
{
    public static readonly FuzzedRoute[] All =
    [
        new("PUT", "/api/subjects/{id}"),
        new("GET", "/api/subjects/{id}"),
        new("GET", "/api/subjects/{id}/history?purpose={purpose}"),
        new("GET", "/api/subjects/{id}/personal-data?purpose={purpose}&requestId={request}"),
        new("GET", "/api/subjects/{id}/audit"),
        new("POST", "/api/subjects/{id}/collections"),
        new("POST", "/api/subjects/{id}/consents"),
        new("POST", "/api/subjects/{id}/consents/{purpose}/withdrawal"),
        new("POST", "/api/subjects/{id}/opt-outs"),
        new("POST", "/api/signals/gpc"),
        new("POST", "/api/sms/inbound"),
        new("POST", "/api/subjects/{id}/requests"),
        new("POST", "/api/subjects/{id}/requests/{request}/verification"),
        new("POST", "/api/subjects/{id}/requests/{request}/extension"),
        new("POST", "/api/subjects/{id}/requests/{request}/completion"),
        new("POST", "/api/subjects/{id}/requests/{request}/appeal"),
        new("POST", "/api/subjects/{id}/requests/{request}/appeal/decision"),
        new("POST", "/api/subjects/{id}/requests/{request}/appeal/extension"),
        new("POST", "/api/subjects/{id}/disclosures"),
        new("POST", "/api/subjects/{id}/corrections"),
        new("POST", "/api/subjects/{id}/restriction"),
        new("POST", "/api/subjects/{id}/restriction/lift"),
        new("POST", "/api/subjects/{id}/legal-holds"),
        new("POST", "/api/subjects/{id}/legal-holds/{hold}/release"),
        new("POST", "/api/subjects/{id}/minor"),
        new("GET", "/api/subjects/{id}/access-report?level={purpose}"),
        new("GET", "/api/subjects/{id}/export?purpose={purpose}"),
        new("GET", "/api/requests?status={purpose}&jurisdiction={state}&dueBefore={request}"),
        new("GET", "/api/reports/states/{state}?asOf={request}"),
        new("GET", "/api/reports/request-metrics?year={request}&jurisdiction={state}"),
        new("GET", "/api/reports/consents?purpose={purpose}&asOf={request}"),
        new("POST", "/api/processors"),
        new("PUT", "/api/processors/{id}"),
        new("GET", "/api/processors/{id}"),
        new("POST", "/api/processors/{id}/acknowledgements"),
        new("GET", "/api/subjects/{id}/deliveries?status={purpose}"),
        new("POST", "/api/subjects/{id}/deliveries/{hold}/redeliver"),
        new("POST", "/api/subjects/{id}/deliveries/{hold}/waive"),
        new("GET", "/api/deliveries?status={purpose}&processor={id}&after={request}&limit={hold}&plannedBefore={state}"),
    ];

    public string Fill(string id, string request, string purpose, string hold, string state) =>
        Template
            .Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal)
            .Replace("{request}", Uri.EscapeDataString(request), StringComparison.Ordinal)
            .Replace("{purpose}", Uri.EscapeDataString(purpose), StringComparison.Ordinal)
            .Replace("{hold}", Uri.EscapeDataString(hold), StringComparison.Ordinal)
            .Replace("{state}", Uri.EscapeDataString(state), StringComparison.Ordinal);
}

namespace CallLoop.Silo.Failover;

/// <summary>The route template of an endpoint (<c>/api/subjects/{subjectId}/consents</c>) for logs: never the path, which carries ids.</summary>
internal static class RouteTemplate
{
    public static string Of(Endpoint? endpoint) =>
        (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "unmatched route";
}

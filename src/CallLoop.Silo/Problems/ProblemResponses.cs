using Microsoft.AspNetCore.Mvc;

namespace CallLoop.Silo.Problems;

/// <summary>
/// Declares, on every /api route, the problem details the API's shared machinery can answer besides what the handler
/// returns itself: 400 (a malformed or invalid field), 401 and 403 (token and role), 429 (rate limit) and 503 (store
/// unavailable); 404 where the route names something; 409 (a privacy rule or a concurrent write) and 413 (body over
/// 64 KiB) on commands. So /openapi/v1.json lists every answer a client must handle.
/// </summary>
internal static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) != true)
            {
                return;
            }

            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var command = methods.Any(m => m is "POST" or "PUT" or "DELETE");
            List<int> statuses = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden];
            if (route.RoutePattern.Parameters.Count > 0)
            {
                statuses.Add(StatusCodes.Status404NotFound);
            }

            if (command)
            {
                statuses.AddRange([StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge]);
            }

            statuses.AddRange([StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable]);
            foreach (var status in statuses)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
            }
        });
        return builder;
    }
}

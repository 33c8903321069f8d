using System.Net;
using System.Text.Json;

namespace CallLoop.Console.Api;

/// <summary>
/// The API's RFC 7807 answer to a refused call: the field it names (bad input) or the privacy rule that forbids the
/// command, and the words explaining it. The API changed nothing.
/// </summary>
public sealed record ApiProblem(HttpStatusCode Status, string Title, string? Detail, string? Field, string? Rule)
{
    public string Words => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return new ApiProblem(
                response.StatusCode,
                Text(root, "title") ?? response.ReasonPhrase ?? "The API refused the call.",
                Text(root, "detail"),
                Text(root, "field"),
                Text(root, "rule"));
        }
        catch (JsonException)
        {
            return new ApiProblem(response.StatusCode, Refusal(response.StatusCode), null, null, null);
        }
    }

    private static string Refusal(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Your sign-in has expired; sign in again.",
        HttpStatusCode.Forbidden => "Your role may not do this.",
        HttpStatusCode.NotFound => "Not found.",
        _ => $"The API answered {(int)status}.",
    };

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

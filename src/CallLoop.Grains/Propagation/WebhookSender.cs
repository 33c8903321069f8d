using System.Globalization;
using System.Net.Http.Headers;
using CallLoop.Domain;

namespace CallLoop.Grains.Propagation;

/// <summary>
/// POSTs signed webhooks. One attempt is one request: no retry here (the delivery grain owns retries and records
/// each attempt) and no redirect (a redirect could carry the signature elsewhere).
/// </summary>
public sealed class WebhookSender(TimeProvider clock) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The success status, or the failure as a code: timeout, connection-failed or http-{status}.</summary>
    public async Task<(int? StatusCode, string? Failure)> SendAsync(Uri url, string secret, string deliveryId, byte[] body, TimeSpan timeout)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (null, $"http-{status}");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return (null, "timeout");
        }
        catch (HttpRequestException)
        {
            return (null, "connection-failed");
        }
    }

    public void Dispose() => client.Dispose();
}

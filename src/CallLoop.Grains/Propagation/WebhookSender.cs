using System.Globalization;
using System.Net.Http.Headers;
using CallLoop.Domain;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Propagation;

/// <summary>
/// POSTs signed webhooks. One attempt is one request: no retry here (the delivery grain owns retries and records
/// each attempt) and no redirect (a redirect could carry the signature elsewhere). Every connection is checked
/// against <see cref="WebhookAddresses"/> when it is made, after DNS, so a name re-pointed inside the network is refused.
/// </summary>
public sealed class WebhookSender(TimeProvider clock, IOptions<PropagationOptions> options) : IDisposable
{
    private readonly HttpClient client = Client(new WebhookAddresses(options.Value.AllowedWebhookNetworks));

    /// <summary>The success status, or the failure as a code: timeout, address-refused, connection-failed or http-{status}.</summary>
    public async Task<(int? StatusCode, string? Failure)> SendAsync(Uri url, string secret, string deliveryId, byte[] body, TimeSpan timeout)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, SignedMessage.Webhook, timestamp, body));
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
        catch (HttpRequestException refused) when (refused.InnerException is WebhookAddressRefusedException)
        {
            return (null, "address-refused");
        }
        catch (HttpRequestException)
        {
            return (null, "connection-failed");
        }
    }

    private static HttpClient Client(WebhookAddresses addresses) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => addresses.ConnectAsync(context.DnsEndPoint, cancellationToken),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => client.Dispose();
}

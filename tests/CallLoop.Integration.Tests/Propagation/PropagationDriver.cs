using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// Steps the propagation tests share, over HTTP. Each test registers its own processors under fresh names. The history
/// is read through the subject's grain (values withheld, nothing audited): the HTTP history is an audited read.
/// </summary>
internal sealed class PropagationDriver(HttpClient client, IGrainFactory grains)
{
    public static readonly TimeSpan Patience = Infrastructure.Patience.Long;

    public HttpClient Client => client;

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string NewProcessorName(string kind) => $"{kind} {Guid.NewGuid():N}"[..24];

    public async Task<string> RegisterProcessorAsync(string name, string url, string secret, params string[] categories)
    {
        await client.PostAsJsonAsync("/api/processors", new
        {
            name,
            type = "service-provider",
            address = "1 Processor Way, Springfield",
            categories,
            webhookUrl = url,
            signingSecret = secret,
        }).JsonAsync(System.Net.HttpStatusCode.Created);
        return name;
    }

    /// <summary>The phone number every subject of <see cref="SubjectDisclosedToAsync"/> registers with, as typed and canonical.</summary>
    public const string SubjectPhone = "(555) 201-3344";

    public const string SubjectPhoneCanonical = "+15552013344";

    /// <summary>A subject with contact details and identifiers collected, disclosed to each of <paramref name="processors"/>.</summary>
    public async Task<string> SubjectDisclosedToAsync(params string[] processors)
    {
        var subjectId = await client.RegisterAsync(phone: SubjectPhone);
        await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", new
        {
            category = "A",
            source = "direct",
            purposes = new[] { "provide-services" },
            data = new Dictionary<string, string> { ["email"] = $"{subjectId}@example.com" },
        }).JsonAsync();
        foreach (var processor in processors)
        {
            await client.PostJsonAsync($"/api/subjects/{subjectId}/disclosures", new
            {
                recipient = processor,
                recipientType = "service-provider",
                purpose = "business-purpose",
                categories = new[] { "A" },
            }).JsonAsync();
        }

        return subjectId;
    }

    public async Task<JsonElement[]> HistoryAsync(string subjectId, string type) =>
        (await grains.GetGrain<IDataSubjectGrain>(subjectId).GetHistoryAsync())
            .Where(e => e.Type == type)
            .Select(e => JsonSerializer.SerializeToElement(new { type = e.Type, @event = (object)e.Event }, DomainJson.Options))
            .ToArray();

    public Task<JsonElement[]> HistoryWhenAsync(string subjectId, string type, int count) =>
        Eventually.ReturnsAsync(() => HistoryAsync(subjectId, type), found => found.Length >= count, Patience, $"{count} '{type}' event(s)");

    public static Task<WebhookReceiver.Received[]> RequestsWhenAsync(WebhookReceiver receiver, int count) =>
        Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests.ToArray()), r => r.Length >= count, Patience, $"{count} webhook request(s)");

    /// <summary>A webhook's signature as the docs tell processors to check it (written here, not taken from the silo's code).</summary>
    public static string SignWebhook(string secret, long timestamp, byte[] body) => Sign(secret, $"{timestamp}.", body);

    /// <summary>An acknowledgement's signature as the docs tell processors to compute it: its own prefix, so a webhook never passes for one.</summary>
    public static string SignAcknowledgement(string secret, long timestamp, byte[] body) => Sign(secret, $"acknowledgement.{timestamp}.", body);

    private static string Sign(string secret, string prefix, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(prefix).Concat(body).ToArray()));

    /// <summary>POSTs an acknowledgement signed with <paramref name="secret"/>, as a processor would.</summary>
    public Task<HttpResponseMessage> AcknowledgeAsync(string processor, string secret, string subjectId, string deliveryId) =>
        AcknowledgeAsync(processor, secret, new { deliveryId, subjectId });

    /// <summary>Posts <paramref name="acknowledgement"/>, signed with <paramref name="secret"/>, as the processor would.</summary>
    public Task<HttpResponseMessage> AcknowledgeAsync(string processor, string secret, object acknowledgement)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(acknowledgement);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return PostAcknowledgementAsync(processor, body, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), SignAcknowledgement(secret, timestamp, body));
    }

    /// <summary>POSTs these exact bytes and signature headers to a processor's acknowledgements.</summary>
    public Task<HttpResponseMessage> PostAcknowledgementAsync(string processor, byte[] body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/processors/{Uri.EscapeDataString(processor)}/acknowledgements")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add("X-CallLoop-Timestamp", timestamp);
        request.Headers.Add("X-CallLoop-Signature", signature);
        return client.SendAsync(request);
    }
}

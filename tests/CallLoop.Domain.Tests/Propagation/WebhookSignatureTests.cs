using System.Text;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Propagation;

public class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"deliveryId\":\"dl-1\"}");

    [Fact]
    public void Given_signed_body_When_verified_within_window_Then_valid()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var signature = WebhookSignature.Compute(Secret, SignedMessage.Webhook, now.ToUnixTimeSeconds(), Body);

        Assert.StartsWith("sha256=", signature);
        Assert.True(WebhookSignature.IsValid(Secret, SignedMessage.Webhook, "1700000000", signature, Body, now.AddMinutes(1)));
    }

    [Fact]
    public void Given_tampered_body_or_other_secret_or_old_timestamp_When_verified_Then_invalid()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var signature = WebhookSignature.Compute(Secret, SignedMessage.Webhook, now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.IsValid(Secret, SignedMessage.Webhook, "1700000000", signature, Encoding.UTF8.GetBytes("{\"deliveryId\":\"dl-2\"}"), now));
        Assert.False(WebhookSignature.IsValid(Secret.ToUpperInvariant(), SignedMessage.Webhook, "1700000000", signature, Body, now));
        Assert.False(WebhookSignature.IsValid(Secret, SignedMessage.Webhook, "1700000000", signature, Body, now.AddMinutes(6)));
        Assert.False(WebhookSignature.IsValid(Secret, SignedMessage.Webhook, "not-a-time", signature, Body, now));
        Assert.False(WebhookSignature.IsValid(Secret, SignedMessage.Webhook, "1700000000", null, Body, now));
    }

    [Fact]
    public void Given_webhook_signature_When_verified_as_acknowledgement_Then_invalid_and_the_other_way_round()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var webhook = WebhookSignature.Compute(Secret, SignedMessage.Webhook, now.ToUnixTimeSeconds(), Body);
        var acknowledgement = WebhookSignature.Compute(Secret, SignedMessage.Acknowledgement, now.ToUnixTimeSeconds(), Body);

        Assert.NotEqual(webhook, acknowledgement);
        Assert.False(WebhookSignature.IsValid(Secret, SignedMessage.Acknowledgement, "1700000000", webhook, Body, now));
        Assert.False(WebhookSignature.IsValid(Secret, SignedMessage.Webhook, "1700000000", acknowledgement, Body, now));
        Assert.True(WebhookSignature.IsValid(Secret, SignedMessage.Acknowledgement, "1700000000", acknowledgement, Body, now));
    }
}

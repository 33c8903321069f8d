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
        var signature = WebhookSignature.Compute(Secret, now.ToUnixTimeSeconds(), Body);

        Assert.StartsWith("sha256=", signature);
        Assert.True(WebhookSignature.IsValid(Secret, "1700000000", signature, Body, now.AddMinutes(1)));
    }

    [Fact]
    public void Given_tampered_body_or_other_secret_or_old_timestamp_When_verified_Then_invalid()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var signature = WebhookSignature.Compute(Secret, now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.IsValid(Secret, "1700000000", signature, Encoding.UTF8.GetBytes("{\"deliveryId\":\"dl-2\"}"), now));
        Assert.False(WebhookSignature.IsValid(Secret.ToUpperInvariant(), "1700000000", signature, Body, now));
        Assert.False(WebhookSignature.IsValid(Secret, "1700000000", signature, Body, now.AddMinutes(6)));
        Assert.False(WebhookSignature.IsValid(Secret, "not-a-time", signature, Body, now));
        Assert.False(WebhookSignature.IsValid(Secret, "1700000000", null, Body, now));
    }
}

using Microsoft.IdentityModel.Tokens;

namespace CallLoop.Silo.Security;

/// <summary>Bearer-token settings (section <c>CallLoop:Auth</c>). The signing key never appears in logs.</summary>
public sealed class AuthenticationSettings
{
    public const string Section = "CallLoop:Auth";

    public const string Issuer = "callloop-actors";

    public const string Audience = "callloop-api";

    /// <summary>
    /// Used only when the host runs in Development and no key is configured, so that a fresh clone works
    /// (and tests can mint tokens). Any other environment must configure <c>CallLoop:Auth:SigningKey</c>.
    /// </summary>
    public const string DevelopmentSigningKey = Hosting.PublishedDevelopmentKeys.BearerTokenSigningKey;

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The longest a token may live, from its issue (or not-before) time to its expiry; longer ones are refused.</summary>
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromHours(12);

    public static TimeSpan MaxTokenLifetime(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:MaxTokenLifetime", DefaultMaxTokenLifetime);

    /// <summary>
    /// True when the token states when it starts (issued-at or not-before) and expires no later than
    /// <paramref name="max"/> after that; a token that never expires or lives longer is refused.
    /// </summary>
    public static bool LivesAtMost(SecurityToken token, DateTime? notBefore, DateTime? expires, TimeSpan max)
    {
        var issuedAt = token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken { IssuedAt: var iat } && iat != DateTime.MinValue ? iat : (DateTime?)null;
        var start = issuedAt ?? notBefore;
        return start is { } from && expires is { } until && until - from <= max;
    }

    public static SymmetricSecurityKey KeyFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{Section}:SigningKey"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"{Section}:SigningKey is not configured; the API refuses to start without it outside Development.");
            }

            configured = DevelopmentSigningKey;
        }

        if (Hosting.PublishedDevelopmentKeys.Problem($"{Section}:SigningKey", configured, environment) is { } published)
        {
            throw new InvalidOperationException(published);
        }

        var bytes = Convert.FromBase64String(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"{Section}:SigningKey must be at least 32 bytes (base64).");
        }

        return new SymmetricSecurityKey(bytes);
    }
}

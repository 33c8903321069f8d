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
    public const string DevelopmentSigningKey = "Q2FsbExvb3AuQWN0b3JzIGxvY2FsIGRldmVsb3BtZW50IGtleSAtIG5vdCBhIHNlY3JldA==";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

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

        var bytes = Convert.FromBase64String(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"{Section}:SigningKey must be at least 32 bytes (base64).");
        }

        return new SymmetricSecurityKey(bytes);
    }
}

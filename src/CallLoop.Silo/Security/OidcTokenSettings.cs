using Microsoft.IdentityModel.JsonWebTokens;

namespace CallLoop.Silo.Security;

/// <summary>
/// Access tokens from the organisation's OpenID Connect provider (section <c>CallLoop:Auth:Oidc</c>), the ones the
/// console sends for the person signed in. Off unless <see cref="Authority"/> is set; then a token whose issuer is not
/// the API's own is checked against the provider: issuer and signing keys from its discovery document and JWKS,
/// <see cref="Audience"/>, lifetime, and the roles read from <see cref="RoleClaim"/>.
/// </summary>
public sealed class OidcTokenSettings
{
    public const string Section = "CallLoop:Auth:Oidc";

    public const string Scheme = "oidc";

    /// <summary>The provider's issuer URL (its discovery document is at <c>/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the provider puts in tokens meant for this API (required once the authority is set).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim carrying the API roles (service, privacy-officer, analyst, admin).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim naming the person (recorded as the actor of what they do).</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Only a test or a local provider may serve its metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public static OidcTokenSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<OidcTokenSettings>() ?? new OidcTokenSettings();
        if (settings.IsConfigured && string.IsNullOrWhiteSpace(settings.Audience))
        {
            throw new InvalidOperationException($"{Section}:Audience is not configured: a provider's tokens are accepted only when made for this API.");
        }

        return settings;
    }

    /// <summary>
    /// Which scheme validates a bearer token: the API's own key for tokens it issued (and for anything unreadable, which
    /// it then refuses), the provider for any other issuer. Only the issuer is read here; the chosen scheme checks everything.
    /// </summary>
    public static string SchemeFor(HttpContext context, string ownScheme)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return ownScheme;
        }

        var handler = new JsonWebTokenHandler();
        var token = header[prefix.Length..].Trim();
        return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Issuer is { Length: > 0 } issuer && issuer != AuthenticationSettings.Issuer
            ? Scheme
            : ownScheme;
    }
}

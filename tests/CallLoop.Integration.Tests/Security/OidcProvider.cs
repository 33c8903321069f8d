using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallLoop.Integration.Tests.Security;

/// <summary>
/// An OpenID Connect issuer over HTTP, as far as an API sees one: a discovery document and a JWKS with a real RSA key,
/// and tokens signed with it (or with a key it never published).
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string KeyId = "provider-key-1";

    private readonly WebApplication app;
    private readonly RSA key = RSA.Create(2048);

    private OidcProvider(WebApplication app) => this.app = app;

    /// <summary>The provider's issuer, also its authority (no trailing slash).</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>How many times the API fetched the JWKS (it must have, to accept a token).</summary>
    public int KeySetReads { get; private set; }

    public static async Task<OidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = new OidcProvider(builder.Build());
        provider.app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["jwks_uri"] = $"{provider.Issuer}/jwks",
            ["authorization_endpoint"] = $"{provider.Issuer}/authorize",
            ["token_endpoint"] = $"{provider.Issuer}/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        provider.app.MapGet("/jwks", () =>
        {
            provider.KeySetReads++;
            var published = provider.key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = SecurityAlgorithms.RsaSha256,
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(published.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(published.Exponent),
                    },
                },
            });
        });
        await provider.app.StartAsync();
        provider.Issuer = provider.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>An access token as the provider would issue it; <paramref name="issuer"/> and <paramref name="signingKey"/> default to the provider's.</summary>
    public string Token(string subject, string audience, string[] roles, string? issuer = null, RSA? signingKey = null, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.Add(lifetime ?? TimeSpan.FromMinutes(30)),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Dispose();
    }
}

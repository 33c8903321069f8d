using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallLoop.Console.SignIn;

/// <summary>
/// Mints API tokens for the local sign-in page, the way the silo's <c>issue-token</c> command does: signed with
/// <c>CallLoop:Auth:SigningKey</c>, or in Development without one the development key published with the source code.
/// </summary>
public sealed class DevelopmentTokens(IConfiguration configuration, TimeProvider clock)
{
    public const string Issuer = "callloop-actors";
    public const string Audience = "callloop-api";

    /// <summary>The same published key as the silo's Development fallback; it protects nothing.</summary>
    public const string DevelopmentSigningKey = "Q2FsbExvb3AuQWN0b3JzIGxvY2FsIGRldmVsb3BtZW50IGtleSAtIG5vdCBhIHNlY3JldA==";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Issue(string subject, string role)
    {
        var configured = configuration["CallLoop:Auth:SigningKey"];
        var key = new SymmetricSecurityKey(Convert.FromBase64String(string.IsNullOrWhiteSpace(configured) ? DevelopmentSigningKey : configured));
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject), new Claim("role", role)]),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.Add(Lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

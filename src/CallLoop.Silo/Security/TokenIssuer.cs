using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallLoop.Silo.Security;

/// <summary>Mints bearer tokens for local use and tests (`dotnet run --project src/CallLoop.Silo -- issue-token ...`).</summary>
public static class TokenIssuer
{
    public static string Issue(SecurityKey key, string subject, IEnumerable<string> roles, TimeSpan lifetime, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = AuthenticationSettings.Issuer,
            Audience = AuthenticationSettings.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>Handles <c>issue-token --sub NAME --role ROLE [--role ROLE] [--hours N]</c>; returns false for other arguments.</summary>
    public static bool TryRunCommand(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        if (args.Length == 0 || args[0] != "issue-token")
        {
            return false;
        }

        string subject = "local-user";
        var roles = new List<string>();
        var hours = 8.0;
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--sub": subject = args[i + 1]; break;
                case "--role": roles.Add(args[i + 1]); break;
                case "--hours": hours = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var unknown = roles.Except(Roles.All).ToList();
        if (roles.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"give one or more --role among: {string.Join(", ", Roles.All)}");
        }

        var max = AuthenticationSettings.MaxTokenLifetime(configuration);
        if (TimeSpan.FromHours(hours) > max)
        {
            throw new ArgumentException($"--hours may be at most {max.TotalHours} ({AuthenticationSettings.Section}:MaxTokenLifetime); the API refuses longer tokens");
        }

        output.WriteLine(Issue(AuthenticationSettings.KeyFrom(configuration, environment), subject, roles, TimeSpan.FromHours(hours)));
        return true;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace CallLoop.Console.SignIn;

/// <summary>
/// A cookie holds who signed in, their roles and their API token. Production: OpenID Connect from configuration.
/// Development without an identity provider: a local page offering the four roles, minting tokens with the
/// development key. Outside Development, no identity provider configured stops the host.
/// </summary>
public static class ConsoleSignIn
{
    public const string SignInPath = "/signin";
    public const string DevelopmentSignInPath = "/signin/development";
    public const string SignOutPath = "/signout";
    public const string NotAllowedPath = "/not-allowed";

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        if (!oidc.IsConfigured && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{OidcSettings.Section}:Authority is not configured; outside Development the console signs people in only through OpenID Connect.");
        }

        var authentication = builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = oidc.IsConfigured ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = NotAllowedPath;
                options.Cookie.Name = "callloop-console";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = DevelopmentTokens.Lifetime;
                options.SlidingExpiration = false;
            });

        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(options =>
            {
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                foreach (var scope in oidc.Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.TokenValidationParameters.NameClaimType = ConsoleClaims.Name;
                options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
                options.Events.OnTokenValidated = context =>
                {
                    context.Principal = Principal(
                        context.Principal?.FindFirst(ConsoleClaims.Name)?.Value ?? context.Principal?.FindFirst("sub")?.Value ?? "unknown",
                        context.Principal?.FindAll(oidc.RoleClaim).Select(c => c.Value) ?? [],
                        context.TokenEndpointResponse?.AccessToken ?? string.Empty,
                        development: false);
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<DevelopmentTokens>();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication MapConsoleSignIn(this WebApplication app)
    {
        var oidc = app.Configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        if (oidc.IsConfigured)
        {
            app.MapPost(SignInPath + "/provider", ([FromForm] string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" },
                [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        }
        else
        {
            app.MapPost(DevelopmentSignInPath, SignInForDevelopmentAsync).AllowAnonymous();
        }

        app.MapPost(SignOutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return oidc.IsConfigured
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.LocalRedirect(SignInPath);
        });
        return app;
    }

    /// <summary>A role, and optionally a name (recorded by the API as who acted); the token lives as long as the cookie.</summary>
    private static async Task<IResult> SignInForDevelopmentAsync(
        [FromForm] string role, [FromForm] string? name, [FromForm] string? returnUrl, HttpContext http, DevelopmentTokens tokens)
    {
        if (!ConsoleRoles.All.Contains(role))
        {
            return TypedResults.LocalRedirect(SignInPath);
        }

        var who = string.IsNullOrWhiteSpace(name) ? $"local-{role}" : name.Trim();
        await http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            Principal(who, [role], tokens.Issue(who, role), development: true));
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    public static ClaimsPrincipal Principal(string name, IEnumerable<string> roles, string apiToken, bool development)
    {
        var claims = new List<Claim> { new(ConsoleClaims.Name, name), new(ConsoleClaims.ApiToken, apiToken) };
        claims.AddRange(roles.Select(role => new Claim(ConsoleClaims.Role, role)));
        if (development)
        {
            claims.Add(new Claim(ConsoleClaims.DevelopmentSignIn, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "callloop-console", ConsoleClaims.Name, ConsoleClaims.Role));
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

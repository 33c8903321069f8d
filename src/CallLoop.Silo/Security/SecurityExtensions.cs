using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace CallLoop.Silo.Security;

public static class SecurityExtensions
{
    public const string RateLimitSection = "CallLoop:RateLimit";

    /// <summary>A policy scheme choosing, by the token's issuer, the API's own key or the OpenID Connect provider.</summary>
    private const string BearerScheme = "bearer";

    /// <summary>
    /// Bearer tokens signed with the configured key, and (when <see cref="OidcTokenSettings.Section"/> names an
    /// authority) the OpenID Connect provider's access tokens; a per-caller rate limit.
    /// </summary>
    public static WebApplicationBuilder AddCallLoopSecurity(this WebApplicationBuilder builder)
    {
        var key = AuthenticationSettings.KeyFrom(builder.Configuration, builder.Environment);
        var maxLifetime = AuthenticationSettings.MaxTokenLifetime(builder.Configuration);
        var oidc = OidcTokenSettings.From(builder.Configuration);
        var authentication = builder.Services.AddAuthentication(oidc.IsConfigured ? BearerScheme : JwtBearerDefaults.AuthenticationScheme);
        if (oidc.IsConfigured)
        {
            authentication
                .AddPolicyScheme(BearerScheme, "Own or OpenID Connect bearer token", options =>
                    options.ForwardDefaultSelector = context => OidcTokenSettings.SchemeFor(context, JwtBearerDefaults.AuthenticationScheme))
                .AddJwtBearer(OidcTokenSettings.Scheme, options =>
                {
                    // Issuer and signing keys come from the provider's discovery document and JWKS (refreshed by the handler).
                    options.Authority = oidc.Authority;
                    options.Audience = oidc.Audience;
                    options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                    options.MapInboundClaims = false;
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidAudience = oidc.Audience,
                        NameClaimType = oidc.NameClaim,
                        RoleClaimType = oidc.RoleClaim,
                        ClockSkew = TimeSpan.FromSeconds(30),
                    };
                    options.Events = LifetimeLimit(maxLifetime);
                });
        }

        authentication
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthenticationSettings.Issuer,
                    ValidAudience = AuthenticationSettings.Audience,
                    IssuerSigningKey = key,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };

                options.Events = LifetimeLimit(maxLifetime);
            });
        builder.Services.AddAuthorization(options => options.AddCallLoopPolicies());

        var permitLimit = builder.Configuration.GetValue($"{RateLimitSection}:PermitsPerSecond", 200);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permitLimit,
                    TokensPerPeriod = permitLimit,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests from this caller." },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// Standard expiry checks, then the maximum lifetime (CallLoop:Auth:MaxTokenLifetime, default 12 h): a leaked
    /// long-lived token stays usable only that long, whoever issued it.
    /// </summary>
    private static JwtBearerEvents LifetimeLimit(TimeSpan maxLifetime) => new()
    {
        OnTokenValidated = context =>
        {
            var token = context.SecurityToken;
            if (!AuthenticationSettings.LivesAtMost(token, token.ValidFrom == DateTime.MinValue ? null : token.ValidFrom, token.ValidTo == DateTime.MinValue ? null : token.ValidTo, maxLifetime))
            {
                context.Fail("The token lives longer than the maximum token lifetime.");
            }

            return Task.CompletedTask;
        },
    };

    public static WebApplication UseCallLoopSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Partition key: the token's subject, else the remote address (health probes and anonymous callers).</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.Identity.Name is { } name
            ? $"sub:{name}"
            : $"ip:{context.Connection.RemoteIpAddress}";
}

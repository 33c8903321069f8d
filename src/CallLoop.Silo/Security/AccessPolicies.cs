using Microsoft.AspNetCore.Authorization;

namespace CallLoop.Silo.Security;

/// <summary>
/// The role policies routes name where they are mapped (<c>RequireAuthorization(AccessPolicies.X)</c>). An endpoint
/// that names none is refused to everyone by the fallback policy: a new route is closed until it says who may call it.
/// </summary>
public static class AccessPolicies
{
    public const string Service = "service";
    public const string PrivacyOfficer = "privacy-officer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
    public const string ServiceOrPrivacyOfficer = "service-or-privacy-officer";
    public const string ServiceOrAdmin = "service-or-admin";
    public const string PrivacyOfficerOrAdmin = "privacy-officer-or-admin";
    public const string AnalystOrPrivacyOfficer = "analyst-or-privacy-officer";
    public const string AnalystOrAdmin = "analyst-or-admin";

    /// <summary>Each policy and the roles it admits (any one of them).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesByPolicy { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Service] = [Roles.Service],
        [PrivacyOfficer] = [Roles.PrivacyOfficer],
        [Analyst] = [Roles.Analyst],
        [Admin] = [Roles.Admin],
        [ServiceOrPrivacyOfficer] = [Roles.Service, Roles.PrivacyOfficer],
        [ServiceOrAdmin] = [Roles.Service, Roles.Admin],
        [PrivacyOfficerOrAdmin] = [Roles.PrivacyOfficer, Roles.Admin],
        [AnalystOrPrivacyOfficer] = [Roles.Analyst, Roles.PrivacyOfficer],
        [AnalystOrAdmin] = [Roles.Analyst, Roles.Admin],
    };

    /// <summary>
    /// Refuses every endpoint that names no policy (401 without a token, 403 with one). Requests that matched no
    /// endpoint pass, so an unknown address still answers 404.
    /// </summary>
    public static AuthorizationPolicy Closed { get; } = new AuthorizationPolicyBuilder()
        .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is null)
        .Build();

    public static void AddCallLoopPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesByPolicy)
        {
            options.AddPolicy(name, policy => policy.RequireRole(roles));
        }

        options.FallbackPolicy = Closed;
    }
}

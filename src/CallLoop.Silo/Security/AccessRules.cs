using static CallLoop.Silo.Security.Roles;

namespace CallLoop.Silo.Security;

/// <summary>
/// Who may do what, in one table read top-down (first match wins). An /api route that no rule names is
/// refused to everyone: a new route is closed until it is given an owner here.
/// </summary>
public static class AccessRules
{
    public static IReadOnlyList<AccessRule> All { get; } =
    [
        new("GET", "/api/subjects/{subjectId}/contactability", Service, PrivacyOfficer),
        new("GET", "/api/phones/{e164}/contactability", Service, PrivacyOfficer),
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/requests", PrivacyOfficer),
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/legal-holds", PrivacyOfficer),
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/restriction", PrivacyOfficer),
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/minor", PrivacyOfficer),
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/erasure", PrivacyOfficer),
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/deactivation", PrivacyOfficer),

        // Re-sending or waiving a processor's webhook delivery (ops, like the processor registry).
        new(AccessRule.AnyMethod, "/api/subjects/{subjectId}/deliveries", Admin),
        new("GET", "/api/deliveries", Admin),

        // The read audit: who read personal values, when and why (no values in it).
        new("GET", "/api/subjects/{subjectId}/audit", PrivacyOfficer, Admin),

        // Profiles, history, access reports and exports hold personal values; reads of values are audited.
        new("GET", "/api/subjects", PrivacyOfficer),
        new("PUT", "/api/subjects", Service),
        new("POST", "/api/subjects", Service),
        new("POST", "/api/signals", Service),
        new("POST", "/api/sms", Service),

        new("GET", "/api/reports", Analyst),
        new("GET", "/api/requests", Analyst, PrivacyOfficer),
        new("GET", "/api/projections", Analyst, Admin),
        new(AccessRule.AnyMethod, "/api/projections", Admin),
        new("POST", "/api/processors/{processorId}/acknowledgements", Service, Admin),
        new(AccessRule.AnyMethod, "/api/processors", Admin),
        new(AccessRule.AnyMethod, "/api/recipients", Admin),
        new(AccessRule.AnyMethod, "/api/keys", Admin),

        // Security incidents: assessment, notices to people and regulators (subject ids, never values).
        new(AccessRule.AnyMethod, "/api/incidents", PrivacyOfficer, Admin),
    ];

    /// <summary>The roles allowed on a route, or an empty list when the route is closed to everyone.</summary>
    public static IReadOnlyList<string> RolesFor(string method, string routeTemplate) =>
        All.FirstOrDefault(rule => rule.Matches(method, routeTemplate))?.Roles ?? [];
}

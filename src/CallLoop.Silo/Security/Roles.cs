namespace CallLoop.Silo.Security;

/// <summary>The four roles of the HTTP API (least privilege: none of them can do everything).</summary>
public static class Roles
{
    /// <summary>Internal services: record collection, consent, opt-outs, disclosures, SMS and GPC signals.</summary>
    public const string Service = "service";

    /// <summary>The rights-request lifecycle, legal holds, restriction, erasure; reads personal values to answer requests.</summary>
    public const string PrivacyOfficer = "privacy-officer";

    /// <summary>Reports and request records: never personal values.</summary>
    public const string Analyst = "analyst";

    /// <summary>Processors, recipients, keys and projections.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Service, PrivacyOfficer, Analyst, Admin];
}

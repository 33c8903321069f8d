namespace CallLoop.Console.SignIn;

/// <summary>The API's four roles (the silo checks them; the console only shapes its screens by them).</summary>
public static class ConsoleRoles
{
    public const string Service = "service";
    public const string PrivacyOfficer = "privacy-officer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [PrivacyOfficer, Analyst, Admin, Service];

    public static string Describe(string role) => role switch
    {
        PrivacyOfficer => "Privacy officer: works rights requests, reads personal data with an audited purpose.",
        Analyst => "Analyst: reports and request records, never personal values.",
        Admin => "Admin: processor deliveries, projections, the read audit.",
        Service => "Service: internal systems' role; the console has no screens for it.",
        _ => role,
    };
}

using System.Diagnostics.CodeAnalysis;

namespace CallLoop.Domain;

/// <summary>
/// The privacy-law facts, as data, in one place (source: privacy-law.md; published as docs/law.md).
/// A correction to the law is a one-line change here. Rows marked (verify) there are marked here too.
/// A code has one row per dated change: the row that applies is the latest whose <see cref="JurisdictionRule.EffectiveFrom"/>
/// is on or before the request's receipt date. Any other US state or territory gets the company-policy row.
/// </summary>
public static class JurisdictionTable
{
    private static readonly IReadOnlySet<RightsRequestType> AllRights = new HashSet<RightsRequestType>();
    private static readonly IReadOnlySet<RightsRequestType> NoCorrection = new HashSet<RightsRequestType> { RightsRequestType.Correct };
    private const string PolicyLaw = "No comprehensive consumer privacy law (company policy)";

    // code, law, respond days, extension days, appeal answer days, complaint to, GPC required from,
    // confirmation business days, opt-out business days, rights not offered, opt-out covers sale only, sensitive needs consent
    private static readonly JurisdictionRule[] Listed =
    [
        new("CA", "CCPA as amended by CPRA", 45, 45, null, "California Privacy Protection Agency", new DateOnly(2023, 1, 1), 10, 15, AllRights, false, false) { ShineTheLightDays = 30 },
        new("VA", "VCDPA", 45, 45, 60, "Virginia Attorney General", null, null, null, AllRights, false, true),
        new("CO", "CPA", 45, 45, 45, "Colorado Attorney General", new DateOnly(2024, 7, 1), null, null, AllRights, false, true) { AppealExtensionDays = 60, Notes = "appeal days (verify)" },
        new("CT", "CTDPA", 45, 45, 60, "Connecticut Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, true),
        new("UT", "UCPA", 45, 45, null, "Utah Attorney General", null, null, null, NoCorrection, false, false) { Notes = "no correction right before 2026-07-01" },
        new("UT", "UCPA as amended by HB 418 (2025)", 45, 45, null, "Utah Attorney General", null, null, null, AllRights, false, false) { EffectiveFrom = new DateOnly(2026, 7, 1), Notes = "right to correct from 2026-07-01" },
        new("TX", "TDPSA", 45, 45, 60, "Texas Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, true),
        new("OR", "OCPA", 45, 45, 45, "Oregon Attorney General", new DateOnly(2026, 1, 1), null, null, AllRights, false, true),
        new("MT", "MCDPA", 45, 45, 60, "Montana Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, true),
        new("IA", "ICDPA", 90, 45, 60, "Iowa Attorney General", null, null, null, NoCorrection, true, false),
        new("DE", "DPDPA", 45, 45, 60, "Delaware Attorney General", new DateOnly(2026, 1, 1), null, null, AllRights, false, true),
        new("NH", "NHPA", 45, 45, 60, "New Hampshire Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, true),
        new("NJ", "NJDPA", 45, 45, 45, "New Jersey Attorney General", new DateOnly(2025, 7, 15), null, null, AllRights, false, true) { OptOutCalendarDays = 15, Notes = "appeal days and GPC date (verify); sensitive data includes financial data" },
        new("TN", "TIPA", 45, 45, 60, "Tennessee Attorney General", null, null, null, AllRights, false, true),
        Policy("IN", "Indiana") with { Notes = "company policy until the ICDPA applies on 2026-01-01" },
        new("IN", "ICDPA (Indiana)", 45, 45, 60, "Indiana Attorney General", null, null, null, AllRights, false, true) { EffectiveFrom = new DateOnly(2026, 1, 1) },
        Policy("KY", "Kentucky") with { Notes = "company policy until the KCDPA applies on 2026-01-01" },
        new("KY", "KCDPA", 45, 45, 60, "Kentucky Attorney General", null, null, null, AllRights, false, true) { EffectiveFrom = new DateOnly(2026, 1, 1) },
        new("FL", "Florida Digital Bill of Rights", 45, 15, 60, "Florida Attorney General", null, null, null, AllRights, false, true) { Notes = "appeal days (verify); applies only to very large controllers" },
        new("NV", "NRS 603A (sale opt-out)", 60, 30, null, "Nevada Attorney General", null, null, null, AllRights, false, false),
        new("WA", "My Health My Data Act", 45, 45, 45, "Washington Attorney General", null, null, null, AllRights, false, false) { Notes = "appeal days (verify); consumer health data only" },
        Policy("IL", "Illinois"),
        Policy("ME", "Maine"),
        new("CAN", "PIPEDA (Canada)", 30, 30, null, "Office of the Privacy Commissioner of Canada", null, null, null, AllRights, false, false),
        Policy("MN", "Minnesota") with { Notes = "company policy until ch. 325M applies on 2025-07-31" },
        new("MN", "Minnesota Consumer Data Privacy Act (ch. 325M)", 45, 45, 45, "Minnesota Attorney General", new DateOnly(2025, 7, 31), null, null, AllRights, false, true) { EffectiveFrom = new DateOnly(2025, 7, 31), AppealExtensionDays = 60, Notes = "appeal days (verify)" },
        Policy("MD", "Maryland") with { Notes = "company policy until MODPA applies on 2025-10-01" },
        new("MD", "Maryland Online Data Privacy Act", 45, 45, 60, "Maryland Attorney General", new DateOnly(2025, 10, 1), null, null, AllRights, false, false) { EffectiveFrom = new DateOnly(2025, 10, 1), SensitiveOnlyWhenStrictlyNecessary = true, Notes = "applies to processing from 2026-04-01; GPC date (verify)" },
        new("NE", "Nebraska Data Privacy Act", 45, 45, 60, "Nebraska Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, true) { Notes = "GPC mechanics (verify)" },
        Policy("RI", "Rhode Island") with { Notes = "company policy until 6-48.1 applies on 2026-01-01" },
        new("RI", "Rhode Island Data Transparency and Privacy Protection Act (6-48.1)", 45, 45, 60, "Rhode Island Attorney General", null, null, null, AllRights, false, true) { EffectiveFrom = new DateOnly(2026, 1, 1), Notes = "appeal days and GPC (verify)" },
    ];

    /// <summary>Every USPS state, district, territory and military code, with its name (for the company-policy row).</summary>
    private static readonly IReadOnlyDictionary<string, string> UsCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California", ["CO"] = "Colorado",
        ["CT"] = "Connecticut", ["DE"] = "Delaware", ["DC"] = "District of Columbia", ["FL"] = "Florida", ["GA"] = "Georgia",
        ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois", ["IN"] = "Indiana", ["IA"] = "Iowa", ["KS"] = "Kansas",
        ["KY"] = "Kentucky", ["LA"] = "Louisiana", ["ME"] = "Maine", ["MD"] = "Maryland", ["MA"] = "Massachusetts", ["MI"] = "Michigan",
        ["MN"] = "Minnesota", ["MS"] = "Mississippi", ["MO"] = "Missouri", ["MT"] = "Montana", ["NE"] = "Nebraska", ["NV"] = "Nevada",
        ["NH"] = "New Hampshire", ["NJ"] = "New Jersey", ["NM"] = "New Mexico", ["NY"] = "New York", ["NC"] = "North Carolina",
        ["ND"] = "North Dakota", ["OH"] = "Ohio", ["OK"] = "Oklahoma", ["OR"] = "Oregon", ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island",
        ["SC"] = "South Carolina", ["SD"] = "South Dakota", ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont",
        ["VA"] = "Virginia", ["WA"] = "Washington", ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
        ["AS"] = "American Samoa", ["GU"] = "Guam", ["MP"] = "Northern Mariana Islands", ["PR"] = "Puerto Rico", ["VI"] = "U.S. Virgin Islands",
        ["FM"] = "Federated States of Micronesia", ["MH"] = "Marshall Islands", ["PW"] = "Palau",
        ["AA"] = "Armed Forces Americas", ["AE"] = "Armed Forces Europe", ["AP"] = "Armed Forces Pacific",
    };

    private static readonly IReadOnlyDictionary<string, JurisdictionRule[]> ByCode = Listed
        .Concat(UsCodes.Where(us => !Listed.Any(row => row.Code == us.Key)).Select(us => Policy(us.Key, us.Value)))
        .GroupBy(row => row.Code, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(rows => rows.Key, rows => rows.OrderByDescending(row => row.EffectiveFrom).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The rows of the jurisdictions the law table names, with their dated changes, in table order.</summary>
    public static IReadOnlyList<JurisdictionRule> Rows => Listed;

    /// <summary>The codes the law table names (each once), in table order.</summary>
    public static IReadOnlyList<string> ListedCodes { get; } = Listed.Select(row => row.Code).Distinct().ToArray();

    /// <summary>The company-policy row as it applies to a state without a listed law (every such code has one).</summary>
    public static JurisdictionRule OtherUsState(string code) => On(code, DateOnly.MaxValue) is { CompanyPolicy: true } row
        ? row
        : throw new ArgumentException("The code has a law of its own in the table.", nameof(code));

    /// <summary>USPS codes without a row of their own: residents there get the company policy.</summary>
    public static IReadOnlyList<string> OtherUsCodes { get; } = UsCodes.Keys.Where(code => !Listed.Any(row => row.Code == code)).Order(StringComparer.Ordinal).ToArray();

    public static bool TryCode(string? code, [NotNullWhen(true)] out string? normalized)
    {
        if (code is not null && ByCode.TryGetValue(code.Trim(), out var rows))
        {
            normalized = rows[0].Code;
            return true;
        }

        normalized = null;
        return false;
    }

    /// <summary>The canonical code; unknown codes are an invalid "jurisdiction" field.</summary>
    public static string Code(string? code) =>
        TryCode(code, out var normalized)
            ? normalized
            : throw new InvalidCommandException("jurisdiction", "Jurisdiction must be a USPS state or territory code, or CAN.");

    /// <summary>The rule in force for <paramref name="code"/> on <paramref name="date"/>.</summary>
    public static JurisdictionRule On(string? code, DateOnly date)
    {
        var rows = ByCode[Code(code)];
        return rows.FirstOrDefault(row => row.EffectiveFrom <= date) ?? rows[^1];
    }

    /// <summary>The rule in force for <paramref name="code"/> at <paramref name="at"/> (its UTC date).</summary>
    public static JurisdictionRule On(string? code, DateTimeOffset at) => On(code, DateOnly.FromDateTime(at.UtcDateTime));

    private static JurisdictionRule Policy(string code, string name) =>
        new(code, PolicyLaw, 45, 45, 60, $"{name} Attorney General", null, null, null, AllRights, false, false)
        {
            CompanyPolicy = true,
        };
}

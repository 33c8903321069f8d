using System.Diagnostics.CodeAnalysis;

namespace CallLoop.Domain;

/// <summary>
/// The privacy-law facts, as data, in one place (source: docs privacy-law.md).
/// A correction to the law is a one-line change here. Rows marked (verify) there are marked here too.
/// </summary>
public static class JurisdictionTable
{
    private static readonly IReadOnlySet<RightsRequestType> AllRights = new HashSet<RightsRequestType>();
    private static readonly IReadOnlySet<RightsRequestType> NoCorrection = new HashSet<RightsRequestType> { RightsRequestType.Correct };

    // code, law, respond days, extension days, appeal answer days, complaint to, GPC required from,
    // confirmation business days, opt-out business days, rights not offered, opt-out covers sale only, sensitive needs consent
    private static readonly JurisdictionRule[] Rows =
    [
        new("CA", "CCPA as amended by CPRA", 45, 45, null, "California Privacy Protection Agency", new DateOnly(2023, 1, 1), 10, 15, AllRights, false, false),
        new("VA", "VCDPA", 45, 45, 60, "Virginia Attorney General", null, null, null, AllRights, false, true),
        new("CO", "CPA", 45, 45, 45, "Colorado Attorney General", new DateOnly(2024, 7, 1), null, null, AllRights, false, true), // appeal days (verify)
        new("CT", "CTDPA", 45, 45, 60, "Connecticut Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, false),
        new("UT", "UCPA", 45, 45, null, "Utah Attorney General", null, null, null, NoCorrection, false, false),
        new("TX", "TDPSA", 45, 45, 60, "Texas Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, false),
        new("OR", "OCPA", 45, 45, 45, "Oregon Attorney General", new DateOnly(2026, 1, 1), null, null, AllRights, false, false),
        new("MT", "MCDPA", 45, 45, 60, "Montana Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, false),
        new("IA", "ICDPA", 90, 45, 60, "Iowa Attorney General", null, null, null, NoCorrection, true, false),
        new("DE", "DPDPA", 45, 45, 60, "Delaware Attorney General", new DateOnly(2026, 1, 1), null, null, AllRights, false, false),
        new("NH", "NHPA", 45, 45, 60, "New Hampshire Attorney General", new DateOnly(2025, 1, 1), null, null, AllRights, false, false),
        new("NJ", "NJDPA", 45, 45, 45, "New Jersey Attorney General", new DateOnly(2025, 7, 15), null, null, AllRights, false, false), // appeal days and GPC date (verify)
        new("TN", "TIPA", 45, 45, 60, "Tennessee Attorney General", null, null, null, AllRights, false, false),
        new("IN", "ICDPA (Indiana)", 45, 45, 60, "Indiana Attorney General", null, null, null, AllRights, false, false),
        new("KY", "KCDPA", 45, 45, 60, "Kentucky Attorney General", null, null, null, AllRights, false, false),
        new("FL", "Florida Digital Bill of Rights", 45, 15, 60, "Florida Attorney General", null, null, null, AllRights, false, false), // appeal days (verify)
        new("NV", "NRS 603A (sale opt-out)", 60, 30, null, "Nevada Attorney General", null, null, null, AllRights, false, false),
        new("WA", "My Health My Data Act", 45, 45, 45, "Washington Attorney General", null, null, null, AllRights, false, false), // appeal days (verify)
        new("IL", "No comprehensive consumer privacy law (company policy)", 45, 45, 60, "Illinois Attorney General", null, null, null, AllRights, false, false),
        new("ME", "No comprehensive consumer privacy law (company policy)", 45, 45, 60, "Maine Attorney General", null, null, null, AllRights, false, false),
        new("CAN", "PIPEDA (Canada)", 30, 30, null, "Office of the Privacy Commissioner of Canada", null, null, null, AllRights, false, false),
    ];

    private static readonly IReadOnlyDictionary<string, JurisdictionRule> ByCode =
        Rows.ToDictionary(row => row.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<JurisdictionRule> All => Rows;

    public static bool TryGet(string? code, [NotNullWhen(true)] out JurisdictionRule? rule)
    {
        if (code is not null && ByCode.TryGetValue(code.Trim(), out var found))
        {
            rule = found;
            return true;
        }

        rule = null;
        return false;
    }

    /// <summary>The row for <paramref name="code"/>; unknown codes are an invalid "jurisdiction" field.</summary>
    public static JurisdictionRule Get(string? code) =>
        TryGet(code, out var rule)
            ? rule
            : throw new InvalidCommandException("jurisdiction", "Jurisdiction must be a supported US state code or CAN.");
}

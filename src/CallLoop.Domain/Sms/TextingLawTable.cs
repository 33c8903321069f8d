namespace CallLoop.Domain;

/// <summary>
/// Quiet hours and frequency limits for marketing texts, as data (source: privacy-law.md, "Text messages").
/// A state's row replaces the federal one where it is stricter; a state without a row gets the federal rule.
/// CASL sets no quiet hours, so Canada has none here. Each row also lists the state's IANA time zones: without
/// the recipient's own zone, a text must fall inside the hours in every one of them (the later start, the earlier end).
/// </summary>
public static class TextingLawTable
{
    public const string Federal = "US";

    private static readonly TextingRule[] Listed =
    [
        new(Federal, DateOnly.MinValue, TextingHours.Between(8, 21), null, null, "47 CFR 64.1200(c)(1)"),
        new("FL", DateOnly.MinValue, TextingHours.Between(8, 20), null, 3, "Fla. Stat. 501.616(6)"),
        new("OK", DateOnly.MinValue, TextingHours.Between(8, 20), null, 3, "15 O.S. 775C (OTSA); \"same subject\" (verify)"),
        new("MD", new DateOnly(2024, 1, 1), TextingHours.Between(8, 20), null, 3, "Stop the Spam Calls Act"),
        new("WA", DateOnly.MinValue, TextingHours.Between(8, 20), null, null, "RCW 19.158.040"),
        new("TX", new DateOnly(2025, 9, 1), TextingHours.Between(9, 21), TextingHours.Between(12, 21), null, "Bus. & Com. ch. 301/302 (SB 140 covers texts)"),
        new("CT", new DateOnly(2023, 10, 1), TextingHours.Between(9, 20), null, null, "PA 23-98"),
        new("CAN", DateOnly.MinValue, null, null, null, "CASL (no quiet hours)"),
    ];

    private const string Eastern = "America/New_York";
    private const string Central = "America/Chicago";
    private const string Mountain = "America/Denver";
    private const string Pacific = "America/Los_Angeles";

    /// <summary>Each jurisdiction's time zones; codes without one (military, freely associated states) need the recipient's.</summary>
    public static IReadOnlyDictionary<string, string[]> TimeZones { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["AL"] = [Central], ["AK"] = ["America/Anchorage", "America/Adak"], ["AZ"] = ["America/Phoenix"], ["AR"] = [Central],
        ["CA"] = [Pacific], ["CO"] = [Mountain], ["CT"] = [Eastern], ["DE"] = [Eastern], ["DC"] = [Eastern], ["FL"] = [Eastern, Central],
        ["GA"] = [Eastern], ["HI"] = ["Pacific/Honolulu"], ["ID"] = ["America/Boise", Pacific], ["IL"] = [Central],
        ["IN"] = ["America/Indiana/Indianapolis", Central], ["IA"] = [Central], ["KS"] = [Central, Mountain], ["KY"] = [Eastern, Central],
        ["LA"] = [Central], ["ME"] = [Eastern], ["MD"] = [Eastern], ["MA"] = [Eastern], ["MI"] = ["America/Detroit", Central],
        ["MN"] = [Central], ["MS"] = [Central], ["MO"] = [Central], ["MT"] = [Mountain], ["NE"] = [Central, Mountain], ["NV"] = [Pacific],
        ["NH"] = [Eastern], ["NJ"] = [Eastern], ["NM"] = [Mountain], ["NY"] = [Eastern], ["NC"] = [Eastern], ["ND"] = [Central, Mountain],
        ["OH"] = [Eastern], ["OK"] = [Central], ["OR"] = [Pacific, "America/Boise"], ["PA"] = [Eastern], ["RI"] = [Eastern],
        ["SC"] = [Eastern], ["SD"] = [Central, Mountain], ["TN"] = [Central, Eastern], ["TX"] = [Central, Mountain], ["UT"] = [Mountain],
        ["VT"] = [Eastern], ["VA"] = [Eastern], ["WA"] = [Pacific], ["WV"] = [Eastern], ["WI"] = [Central], ["WY"] = [Mountain],
        ["AS"] = ["Pacific/Pago_Pago"], ["GU"] = ["Pacific/Guam"], ["MP"] = ["Pacific/Saipan"], ["PR"] = ["America/Puerto_Rico"],
        ["VI"] = ["America/St_Thomas"],
    };

    public static IReadOnlyList<TextingRule> Rows => Listed;

    /// <summary>The rule in force for a jurisdiction at <paramref name="at"/>: its own dated row, else the federal one (none for CAN).</summary>
    public static TextingRule On(string? code, DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(at.UtcDateTime);
        var own = Listed
            .Where(row => string.Equals(row.Code, code, StringComparison.OrdinalIgnoreCase) && row.EffectiveFrom <= date)
            .MaxBy(row => row.EffectiveFrom);
        return own ?? Listed[0];
    }

    public static IReadOnlyList<string> ZonesOf(string? code) =>
        code is not null && TimeZones.TryGetValue(code, out var zones) ? zones : [];
}

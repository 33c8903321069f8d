using System.Diagnostics.CodeAnalysis;
using static CallLoop.Domain.BreachDataElement;
using static CallLoop.Domain.RegulatorDeadline;

namespace CallLoop.Domain;

/// <summary>
/// The data-breach notification laws, as data, one dated row per jurisdiction (source: privacy-law.md,
/// "Data-breach notification"). A change in the law is a new row with its effective date; the row in force on the
/// day a breach was discovered decides. Values the source marks "(verify)" are left out (null) and named in Notes,
/// except credit-bureau thresholds: leaving one out would never require the bureaus, so an unverified one is the
/// table's most common threshold (<see cref="UnverifiedBureausThreshold"/>), flagged as unverified.
/// </summary>
public static class BreachNotificationTable
{
    /// <summary>The row for a US state without a row of its own: 30 days, the shortest common deadline.</summary>
    public const string OtherUsStates = "US-OTHER";

    public const string Canada = "CAN";

    public const string Quebec = "QC";

    /// <summary>Company ceiling for "without delay" notices when no setting says otherwise.</summary>
    public const int DefaultCeilingDays = 30;

    /// <summary>
    /// "More than 1,000", the threshold of most rows (VA, CO, OR, NH, NJ, TN, IN, KY, FL, NV, ME): where the source
    /// marks a state's bureau threshold "(verify)", the bureaus are told from it (a notice a state did not require
    /// harms nobody; one it did require and we skipped is a violation).
    /// </summary>
    public const int UnverifiedBureausThreshold = 1001;

    private static readonly DateOnly Always = DateOnly.MinValue;

    /// <summary>With a name: SSN, driver's licence or id number, a financial account with its code; many states add
    /// medical, health-insurance and biometric data, which we treat as triggers everywhere (company policy: notify
    /// rather than argue a state's narrower list).</summary>
    private static readonly IReadOnlySet<BreachDataElement> CommonNameTriggers = new HashSet<BreachDataElement>
    {
        Ssn, TaxpayerId, DriversLicense, Passport, GovernmentId, AccountWithCode, Medical, HealthInsurance, Biometric,
    };

    /// <summary>A username or email with its password (Cred) triggers on its own.</summary>
    private static readonly IReadOnlySet<BreachDataElement> CommonStandaloneTriggers = new HashSet<BreachDataElement> { Credentials };

    private static readonly IReadOnlySet<BreachDataElement> NoElements = new HashSet<BreachDataElement>();

    private static readonly IReadOnlyList<string> CaliforniaHeadings =
        ["What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"];

    private static readonly BreachNotificationRule[] Rows =
    [
        State("CA", "Civ. Code 1798.82", null, "Attorney General", 501, DaysAfterIndividualNotice, 15, bureaus: UnverifiedBureausThreshold, bureausUnverified: true,
            title: "Notice of Data Breach", headings: CaliforniaHeadings,
            notes: "Most expedient time before 2026-01-01; the regulator gets a sample notice; no harm exception; credit bureaus (verify): told from more than 1,000 until verified."),
        State("CA", "Civ. Code 1798.82", 30, "Attorney General", 501, DaysAfterIndividualNotice, 15, bureaus: UnverifiedBureausThreshold, bureausUnverified: true, from: new DateOnly(2026, 1, 1),
            title: "Notice of Data Breach", headings: CaliforniaHeadings,
            notes: "30 days from discovery from 2026-01-01; the regulator gets a sample notice; no harm exception; credit bureaus (verify): told from more than 1,000 until verified."),
        State("VA", "18.2-186.6", null, "Attorney General", 1, WithoutDelay, null, bureaus: 1001, notes: "Harm exception."),
        State("CO", "6-1-716", 30, "Attorney General", 500, DaysAfterDiscovery, 30, bureaus: 1001, notes: "30 days after determination."),
        State("CT", "36a-701b", 60, "Attorney General", 1, NoLaterThanIndividuals, null, bureaus: UnverifiedBureausThreshold, bureausUnverified: true,
            protectionMonths: 24, protectionElements: [Ssn, TaxpayerId], notes: "Credit bureaus (verify): told from more than 1,000 until verified."),
        State("UT", "13-44-202", null, "Attorney General and Utah Cyber Center", 500, WithoutDelay, null, bureaus: UnverifiedBureausThreshold, bureausUnverified: true, notes: "Credit bureaus (verify): told from more than 1,000 until verified."),
        State("TX", "521.053", 60, "Attorney General", 250, DaysAfterDiscovery, 30, bureaus: 10001, notes: "60 days after determination; no harm exception."),
        State("OR", "646A.604", 45, "Attorney General", 251, WithoutDelay, null, bureaus: 1001),
        State("MT", "30-14-1704", null, "Department of Justice, Office of Consumer Protection", 1, NoLaterThanIndividuals, null, bureaus: UnverifiedBureausThreshold, bureausUnverified: true,
            notes: "Regulator at the same time; credit bureaus (verify): told from more than 1,000 until verified."),
        State("IA", "715C.2", null, "Attorney General", 501, BusinessDaysAfterIndividualNotice, 5, bureaus: null, notes: "No credit-bureau notice."),
        State("DE", "12B-102", 60, "Attorney General", 501, WithoutDelay, null, bureaus: UnverifiedBureausThreshold, bureausUnverified: true,
            protectionMonths: 12, protectionElements: [Ssn], notes: "60 days after determination; credit bureaus (verify): told from more than 1,000 until verified."),
        State("NH", "359-C:20", null, "Attorney General", 1, WithoutDelay, null, bureaus: 1001),
        State("NJ", "56:8-163", null, "Division of State Police", 1, BeforeIndividuals, null, bureaus: 1001, notes: "State Police before the individuals."),
        State("TN", "47-18-2107", 45, null, null, None, null, bureaus: 1001),
        State("IN", "24-4.9-3", 45, "Attorney General", 1, WithoutDelay, null, bureaus: 1001, standalone: [Credentials, Ssn], notes: "SSN alone triggers."),
        State("KY", "365.732", null, null, null, None, null, bureaus: 1001),
        State("FL", "501.171", 30, "Department of Legal Affairs", 500, DaysAfterDiscovery, 30, bureaus: 1001, extension: 15,
            notes: "15 more days for good cause; Call Loop's home state."),
        State("NV", "603A.220", null, null, null, None, null, bureaus: 1001),
        State("WA", "19.255.010", 30, "Attorney General", 501, DaysAfterDiscovery, 30, bureaus: UnverifiedBureausThreshold, bureausUnverified: true, nameTriggers: [DateOfBirth],
            notes: "Date of birth is a trigger element; credit bureaus (verify): told from more than 1,000 until verified."),
        State("IL", "815 ILCS 530/10", null, "Attorney General", 501, NoLaterThanIndividuals, null, bureaus: UnverifiedBureausThreshold, bureausUnverified: true, omitCount: true,
            notes: "The notice must not state how many Illinois residents were affected; credit bureaus (verify): told from more than 1,000 until verified."),
        State("ME", "10 MRSA 1348", 30, "Attorney General", 1, WithoutDelay, null, bureaus: 1001, notes: "30 days after awareness."),
        State("MN", "325E.61", null, null, null, None, null, bureaus: 501, bureausHours: 48, notes: "Regulator (verify)."),
        State("MD", "14-3504", 45, "Attorney General", 1, BeforeIndividuals, null, bureaus: 1000, notes: "Attorney General before the individuals."),
        State("NE", "87-803", null, "Attorney General", 1, NoLaterThanIndividuals, null, bureaus: UnverifiedBureausThreshold, bureausUnverified: true, notes: "Credit bureaus (verify): told from more than 1,000 until verified."),
        State("RI", "11-49.3-4", 45, "Attorney General", 501, WithoutDelay, null, bureaus: 501, notes: "45 days after confirmation."),
        State(OtherUsStates, "Their own statutes", 30, null, null, None, null, bureaus: null,
            notes: "Treated as 30 days (the shortest common deadline) until the state has a row of its own."),
        new(Canada, "PIPEDA 10.1", Always, null, 0, CommonNameTriggers, CommonStandaloneTriggers, NoticeOnlyOnRiskOfHarm: true,
            "Office of the Privacy Commissioner of Canada", 1, WithoutDelay, null, null, null, RecordMonths: 24, null, NoElements, null, null, false,
            "As soon as feasible where there is a real risk of significant harm; keep a record of every breach for 24 months, harmful or not."),
        new(Quebec, "Law 25", Always, null, 0, CommonNameTriggers, CommonStandaloneTriggers, NoticeOnlyOnRiskOfHarm: true,
            "Commission d'accès à l'information", 1, WithoutDelay, null, null, null, null, null, NoElements, null, null, false,
            "Promptly where there is a risk of serious injury; register every incident (no period given)."),
    ];

    public static IReadOnlyList<BreachNotificationRule> All => Rows;

    /// <summary>
    /// The row in force for <paramref name="code"/> on <paramref name="discovered"/>: the latest row effective by then.
    /// A US state without a row gets <see cref="OtherUsStates"/>; a code that is no jurisdiction at all answers false.
    /// </summary>
    public static bool TryGet(string? code, DateOnly discovered, [NotNullWhen(true)] out BreachNotificationRule? rule)
    {
        var key = code?.Trim().ToUpperInvariant();
        rule = Rows.Where(r => r.Code == key && r.EffectiveFrom <= discovered).MaxBy(r => r.EffectiveFrom);
        if (rule is null && key is { Length: 2 } && key.All(char.IsAsciiLetterUpper) && key != Quebec)
        {
            rule = Rows.Where(r => r.Code == OtherUsStates && r.EffectiveFrom <= discovered).MaxBy(r => r.EffectiveFrom);
        }

        return rule is not null;
    }

    public static BreachNotificationRule Get(string? code, DateOnly discovered) =>
        TryGet(code, discovered, out var rule)
            ? rule
            : throw new InvalidCommandException("jurisdiction", "Jurisdiction must be a US state code, CAN or QC.");

    private static BreachNotificationRule State(
        string code,
        string statute,
        int? days,
        string? regulator,
        int? regulatorFrom,
        RegulatorDeadline timing,
        int? regulatorDays,
        int? bureaus,
        DateOnly? from = null,
        int extension = 0,
        int? bureausHours = null,
        BreachDataElement[]? nameTriggers = null,
        BreachDataElement[]? standalone = null,
        int? protectionMonths = null,
        BreachDataElement[]? protectionElements = null,
        string? title = null,
        IReadOnlyList<string>? headings = null,
        bool omitCount = false,
        string? notes = null,
        bool bureausUnverified = false) =>
        new(
            code,
            statute,
            from ?? Always,
            days,
            extension,
            nameTriggers is null ? CommonNameTriggers : CommonNameTriggers.Union(nameTriggers).ToHashSet(),
            standalone is null ? CommonStandaloneTriggers : standalone.ToHashSet(),
            NoticeOnlyOnRiskOfHarm: false,
            regulator,
            regulatorFrom,
            timing,
            regulatorDays,
            bureaus,
            bureausHours,
            RecordMonths: null,
            protectionMonths,
            protectionElements?.ToHashSet() ?? NoElements,
            title,
            headings,
            omitCount,
            notes) { CreditBureausThresholdUnverified = bureausUnverified };
}

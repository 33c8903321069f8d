namespace CallLoop.Domain;

/// <summary>
/// How long each CCPA category is kept once the subject's account has ended (deactivated or terminated), as data
/// in one place. The policy (section 4 and "How long do we keep your information?") keeps personal information no
/// longer than the account exists, so every default is zero: retention ends with the account. Configuration may
/// lengthen a category (e.g. commercial records kept for tax). Request records and erasure records are not
/// personal values: they are never erased by retention (CCPA regulations keep request records at least 24 months).
/// </summary>
public static class RetentionTable
{
    /// <summary>The shortest time request records must be kept (CCPA regulations §7101); informational, never erased.</summary>
    public static readonly TimeSpan RequestRecordsKeptAtLeast = TimeSpan.FromDays(730);

    /// <summary>
    /// How long the data of someone without an account (never registered: a request from a non-subject, an opt-out
    /// signal) is kept after their last event: 24 months, counted as 730 days, the same as request records.
    /// Configuration key <c>CallLoop:Retention:WithoutAccount</c>.
    /// </summary>
    public static readonly TimeSpan WithoutAccountAfterLastEvent = TimeSpan.FromDays(730);

    /// <summary>While a request or appeal of someone without an account is open, erasure waits; retention looks again this often.</summary>
    public static readonly TimeSpan WhileRequestOpenLookAgainAfter = TimeSpan.FromDays(1);

    private static readonly (PersonalInformationCategory Category, TimeSpan AfterAccountEnds)[] Rows =
    [
        (PersonalInformationCategory.Identifiers, TimeSpan.Zero),
        (PersonalInformationCategory.CustomerRecords, TimeSpan.Zero),
        (PersonalInformationCategory.ProtectedClassifications, TimeSpan.Zero),
        (PersonalInformationCategory.CommercialInformation, TimeSpan.Zero),
        (PersonalInformationCategory.BiometricInformation, TimeSpan.Zero),
        (PersonalInformationCategory.InternetActivity, TimeSpan.Zero),
        (PersonalInformationCategory.Geolocation, TimeSpan.Zero),
        (PersonalInformationCategory.SensoryData, TimeSpan.Zero),
        (PersonalInformationCategory.ProfessionalInformation, TimeSpan.Zero),
        (PersonalInformationCategory.EducationInformation, TimeSpan.Zero),
        (PersonalInformationCategory.Inferences, TimeSpan.Zero),
        (PersonalInformationCategory.SensitivePersonalInformation, TimeSpan.Zero),
    ];

    /// <summary>The policy's periods, one per category.</summary>
    public static RetentionPeriods Defaults { get; } = new()
    {
        AfterAccountEnds = Rows.ToImmutableDictionary(row => row.Category, row => row.AfterAccountEnds),
    };
}

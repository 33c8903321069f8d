namespace CallLoop.Domain;

/// <summary>
/// The kinds of data an incident exposed, from a fixed list: the breach laws' triggers are written in these terms
/// (a name with an SSN, a financial account with its access code, a username or email with its password, ...).
/// </summary>
[GenerateSerializer, Alias("callloop.breach-data-element")]
public enum BreachDataElement
{
    [JsonStringEnumMemberName("name")]
    Name = 0,

    [JsonStringEnumMemberName("email")]
    Email = 1,

    [JsonStringEnumMemberName("phone")]
    Phone = 2,

    [JsonStringEnumMemberName("address")]
    Address = 3,

    [JsonStringEnumMemberName("ssn")]
    Ssn = 4,

    /// <summary>An individual taxpayer identification number (ITIN) or similar tax id.</summary>
    [JsonStringEnumMemberName("taxpayer-id")]
    TaxpayerId = 5,

    [JsonStringEnumMemberName("drivers-license")]
    DriversLicense = 6,

    [JsonStringEnumMemberName("passport")]
    Passport = 7,

    /// <summary>Another government-issued identification number (state id, military id).</summary>
    [JsonStringEnumMemberName("government-id")]
    GovernmentId = 8,

    /// <summary>A financial account or card number alone, without what is needed to use it.</summary>
    [JsonStringEnumMemberName("account-number")]
    AccountNumber = 9,

    /// <summary>A financial account or card number with its security code, access code or password.</summary>
    [JsonStringEnumMemberName("account-with-code")]
    AccountWithCode = 10,

    /// <summary>A username or email address with the password or security answer that opens the account.</summary>
    [JsonStringEnumMemberName("credentials")]
    Credentials = 11,

    [JsonStringEnumMemberName("date-of-birth")]
    DateOfBirth = 12,

    [JsonStringEnumMemberName("medical")]
    Medical = 13,

    [JsonStringEnumMemberName("health-insurance")]
    HealthInsurance = 14,

    [JsonStringEnumMemberName("biometric")]
    Biometric = 15,

    [JsonStringEnumMemberName("ip-address")]
    IpAddress = 16,
}

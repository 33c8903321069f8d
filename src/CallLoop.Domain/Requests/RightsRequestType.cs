namespace CallLoop.Domain;

/// <summary>The right a request exercises.</summary>
[GenerateSerializer, Alias("callloop.rights-request-type")]
public enum RightsRequestType
{
    [JsonStringEnumMemberName("know-categories")]
    KnowCategories = 0,

    [JsonStringEnumMemberName("know-specific")]
    KnowSpecific = 1,

    [JsonStringEnumMemberName("delete")]
    Delete = 2,

    [JsonStringEnumMemberName("correct")]
    Correct = 3,

    [JsonStringEnumMemberName("portability")]
    Portability = 4,

    [JsonStringEnumMemberName("restrict")]
    Restrict = 5,

    [JsonStringEnumMemberName("opt-out-sale-sharing")]
    OptOutSaleSharing = 6,

    [JsonStringEnumMemberName("limit-sensitive")]
    LimitSensitive = 7,

    [JsonStringEnumMemberName("withdraw-consent")]
    WithdrawConsent = 8,

    [JsonStringEnumMemberName("terminate-account")]
    TerminateAccount = 9,

    /// <summary>California's Shine the Light (Civ. Code 1798.83): disclosures for direct marketing in the preceding calendar year.</summary>
    [JsonStringEnumMemberName("shine-the-light")]
    ShineTheLight = 10,
}

namespace CallLoop.Domain;

/// <summary>Why someone read a subject's personal values; recorded on every audited read.</summary>
[GenerateSerializer, Alias("callloop.access-purpose")]
public enum AccessPurpose
{
    /// <summary>Answering the subject's own rights request (know, access, portability, correction).</summary>
    [JsonStringEnumMemberName("rights-request")]
    RightsRequest = 0,

    [JsonStringEnumMemberName("customer-support")]
    CustomerSupport = 1,

    [JsonStringEnumMemberName("legal-compliance")]
    LegalCompliance = 2,

    [JsonStringEnumMemberName("fraud-prevention")]
    FraudPrevention = 3,

    [JsonStringEnumMemberName("security-investigation")]
    SecurityInvestigation = 4,
}

namespace CallLoop.Domain;

/// <summary>Why personal information is collected. LegalCompliance and Security survive a processing restriction.</summary>
[GenerateSerializer, Alias("callloop.processing-purpose")]
public enum ProcessingPurpose
{
    [JsonStringEnumMemberName("provide-services")]
    ProvideServices = 0,

    [JsonStringEnumMemberName("account-management")]
    AccountManagement = 1,

    [JsonStringEnumMemberName("customer-support")]
    CustomerSupport = 2,

    [JsonStringEnumMemberName("communications")]
    Communications = 3,

    [JsonStringEnumMemberName("marketing")]
    Marketing = 4,

    [JsonStringEnumMemberName("targeted-advertising")]
    TargetedAdvertising = 5,

    [JsonStringEnumMemberName("analytics")]
    Analytics = 6,

    [JsonStringEnumMemberName("payment-processing")]
    PaymentProcessing = 7,

    [JsonStringEnumMemberName("fraud-prevention")]
    FraudPrevention = 8,

    [JsonStringEnumMemberName("legal-compliance")]
    LegalCompliance = 9,

    [JsonStringEnumMemberName("security")]
    Security = 10,

    /// <summary>Profiling in furtherance of decisions with legal or similarly significant effects; an opt-out request stops it.</summary>
    [JsonStringEnumMemberName("profiling")]
    Profiling = 11,
}

namespace CallLoop.Domain;

/// <summary>What a consent covers.</summary>
[GenerateSerializer, Alias("callloop.consent-purpose")]
public enum ConsentPurpose
{
    [JsonStringEnumMemberName("marketing-sms")]
    MarketingSms = 0,

    [JsonStringEnumMemberName("marketing-email")]
    MarketingEmail = 1,

    [JsonStringEnumMemberName("targeted-advertising")]
    TargetedAdvertising = 2,

    [JsonStringEnumMemberName("analytics")]
    Analytics = 3,

    [JsonStringEnumMemberName("sensitive-processing")]
    SensitiveProcessing = 4,
}

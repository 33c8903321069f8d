namespace CallLoop.Domain;

/// <summary>What an opt-out covers.</summary>
[GenerateSerializer, Alias("callloop.opt-out-scope")]
public enum OptOutScope
{
    [JsonStringEnumMemberName("sale")]
    Sale = 0,

    [JsonStringEnumMemberName("sharing")]
    Sharing = 1,

    [JsonStringEnumMemberName("targeted-advertising")]
    TargetedAdvertising = 2,

    [JsonStringEnumMemberName("profiling")]
    Profiling = 3,

    [JsonStringEnumMemberName("marketing-sms")]
    MarketingSms = 4,

    [JsonStringEnumMemberName("marketing-email")]
    MarketingEmail = 5,

    [JsonStringEnumMemberName("sensitive-use")]
    SensitiveUse = 6,
}

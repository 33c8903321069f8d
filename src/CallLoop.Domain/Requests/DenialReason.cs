namespace CallLoop.Domain;

/// <summary>Basis for a denial, as the CCPA metrics break it down.</summary>
[GenerateSerializer, Alias("callloop.denial-reason")]
public enum DenialReason
{
    [JsonStringEnumMemberName("unverifiable")]
    Unverifiable = 0,

    [JsonStringEnumMemberName("not-a-consumer")]
    NotAConsumer = 1,

    [JsonStringEnumMemberName("exempt")]
    Exempt = 2,

    [JsonStringEnumMemberName("other")]
    Other = 3,

    /// <summary>A documented, good-faith belief that the request is fraudulent: the only ground to refuse an opt-out or limit request.</summary>
    [JsonStringEnumMemberName("fraud")]
    Fraud = 4,
}

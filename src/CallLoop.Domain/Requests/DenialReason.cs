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
}

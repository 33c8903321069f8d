namespace CallLoop.Domain;

/// <summary>Who received disclosed information.</summary>
[GenerateSerializer, Alias("callloop.recipient-type")]
public enum RecipientType
{
    [JsonStringEnumMemberName("service-provider")]
    ServiceProvider = 0,

    [JsonStringEnumMemberName("contractor")]
    Contractor = 1,

    [JsonStringEnumMemberName("third-party")]
    ThirdParty = 2,
}

namespace CallLoop.Domain;

/// <summary>Why information was disclosed.</summary>
[GenerateSerializer, Alias("callloop.disclosure-purpose")]
public enum DisclosurePurpose
{
    [JsonStringEnumMemberName("business-purpose")]
    BusinessPurpose = 0,

    [JsonStringEnumMemberName("sale")]
    Sale = 1,

    [JsonStringEnumMemberName("sharing")]
    Sharing = 2,

    [JsonStringEnumMemberName("direct-marketing")]
    DirectMarketing = 3,
}

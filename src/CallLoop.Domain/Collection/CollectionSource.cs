namespace CallLoop.Domain;

/// <summary>Where personal information came from.</summary>
[GenerateSerializer, Alias("callloop.collection-source")]
public enum CollectionSource
{
    [JsonStringEnumMemberName("direct")]
    Direct = 0,

    [JsonStringEnumMemberName("automatic")]
    Automatic = 1,

    [JsonStringEnumMemberName("third-party")]
    ThirdParty = 2,
}

namespace CallLoop.Domain;

/// <summary>Marketing needs consent; service messages do not.</summary>
[GenerateSerializer, Alias("callloop.message-kind")]
public enum MessageKind
{
    [JsonStringEnumMemberName("marketing")]
    Marketing = 0,

    [JsonStringEnumMemberName("service")]
    Service = 1,
}

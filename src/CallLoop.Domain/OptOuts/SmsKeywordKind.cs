namespace CallLoop.Domain;

/// <summary>What an inbound SMS body asks for.</summary>
[GenerateSerializer, Alias("callloop.sms-keyword-kind")]
public enum SmsKeywordKind
{
    [JsonStringEnumMemberName("none")]
    None = 0,

    [JsonStringEnumMemberName("opt-out")]
    OptOut = 1,

    [JsonStringEnumMemberName("opt-in")]
    OptIn = 2,
}

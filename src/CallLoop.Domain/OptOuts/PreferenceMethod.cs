namespace CallLoop.Domain;

/// <summary>How the subject expressed an opt-out or opt-back-in.</summary>
[GenerateSerializer, Alias("callloop.preference-method")]
public enum PreferenceMethod
{
    [JsonStringEnumMemberName("gpc")]
    Gpc = 0,

    [JsonStringEnumMemberName("sms-keyword")]
    SmsKeyword = 1,

    [JsonStringEnumMemberName("unsubscribe-link")]
    UnsubscribeLink = 2,

    [JsonStringEnumMemberName("request")]
    Request = 3,

    [JsonStringEnumMemberName("email")]
    Email = 4,
}

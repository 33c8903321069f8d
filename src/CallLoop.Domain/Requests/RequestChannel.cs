namespace CallLoop.Domain;

/// <summary>How a rights request reached us.</summary>
[GenerateSerializer, Alias("callloop.request-channel")]
public enum RequestChannel
{
    [JsonStringEnumMemberName("email")]
    Email = 0,

    [JsonStringEnumMemberName("web-form")]
    WebForm = 1,

    [JsonStringEnumMemberName("phone")]
    Phone = 2,

    [JsonStringEnumMemberName("mail")]
    Mail = 3,

    [JsonStringEnumMemberName("in-app")]
    InApp = 4,

    [JsonStringEnumMemberName("sms")]
    Sms = 5,

    [JsonStringEnumMemberName("internal")]
    Internal = 6,
}

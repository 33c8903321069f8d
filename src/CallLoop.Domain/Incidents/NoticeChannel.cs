namespace CallLoop.Domain;

/// <summary>How a breach notice reached a person.</summary>
[GenerateSerializer, Alias("callloop.notice-channel")]
public enum NoticeChannel
{
    [JsonStringEnumMemberName("mail")]
    Mail = 0,

    [JsonStringEnumMemberName("email")]
    Email = 1,

    [JsonStringEnumMemberName("telephone")]
    Telephone = 2,

    [JsonStringEnumMemberName("sms")]
    Sms = 3,

    /// <summary>Substitute notice (website posting and media) where the law allows it.</summary>
    [JsonStringEnumMemberName("substitute")]
    Substitute = 4,
}

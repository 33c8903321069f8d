namespace CallLoop.Domain;

/// <summary>Channel used to contact a subject.</summary>
[GenerateSerializer, Alias("callloop.contact-channel")]
public enum ContactChannel
{
    [JsonStringEnumMemberName("sms")]
    Sms = 0,

    [JsonStringEnumMemberName("email")]
    Email = 1,
}

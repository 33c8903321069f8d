namespace CallLoop.Domain;

/// <summary>Express (opt-in) or implied consent; PIPEDA recognises both.</summary>
[GenerateSerializer, Alias("callloop.consent-basis")]
public enum ConsentBasis
{
    [JsonStringEnumMemberName("express")]
    Express = 0,

    [JsonStringEnumMemberName("implied")]
    Implied = 1,
}

namespace CallLoop.Domain;

/// <summary>
/// Express (opt-in), implied, or express written consent (the TCPA's prior express written consent, needed for US
/// marketing texts). PIPEDA and CASL recognise express and implied.
/// </summary>
[GenerateSerializer, Alias("callloop.consent-basis")]
public enum ConsentBasis
{
    [JsonStringEnumMemberName("express")]
    Express = 0,

    [JsonStringEnumMemberName("implied")]
    Implied = 1,

    [JsonStringEnumMemberName("express-written")]
    ExpressWritten = 2,
}

namespace CallLoop.Domain;

/// <summary>How a prior express written consent was signed (E-SIGN counts: 47 CFR 64.1200(f)(9)).</summary>
[GenerateSerializer, Alias("callloop.signature-method")]
public enum SignatureMethod
{
    [JsonStringEnumMemberName("e-sign")]
    ESign = 0,

    [JsonStringEnumMemberName("checkbox")]
    Checkbox = 1,

    [JsonStringEnumMemberName("keyword-double-opt-in")]
    KeywordDoubleOptIn = 2,

    [JsonStringEnumMemberName("paper")]
    Paper = 3,
}

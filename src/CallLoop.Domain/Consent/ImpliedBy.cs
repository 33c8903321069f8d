namespace CallLoop.Domain;

/// <summary>What an implied consent rests on; under CASL it decides how long the consent lasts.</summary>
[GenerateSerializer, Alias("callloop.implied-by")]
public enum ImpliedBy
{
    [JsonStringEnumMemberName("purchase")]
    Purchase = 0,

    [JsonStringEnumMemberName("inquiry")]
    Inquiry = 1,
}

namespace CallLoop.Domain;

/// <summary>What a breach law makes us do by a date, per jurisdiction.</summary>
[GenerateSerializer, Alias("callloop.breach-obligation-kind")]
public enum BreachObligationKind
{
    [JsonStringEnumMemberName("individuals")]
    Individuals = 0,

    [JsonStringEnumMemberName("regulator")]
    Regulator = 1,

    [JsonStringEnumMemberName("credit-bureaus")]
    CreditBureaus = 2,
}

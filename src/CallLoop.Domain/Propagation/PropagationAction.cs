namespace CallLoop.Domain;

/// <summary>What a processor is asked to do with the subject's data.</summary>
[GenerateSerializer, Alias("callloop.propagation-action")]
public enum PropagationAction
{
    [JsonStringEnumMemberName("erase")]
    Erase = 0,

    [JsonStringEnumMemberName("correct")]
    Correct = 1,

    [JsonStringEnumMemberName("opt-out")]
    OptOut = 2,

    [JsonStringEnumMemberName("withdraw-consent")]
    WithdrawConsent = 3,
}

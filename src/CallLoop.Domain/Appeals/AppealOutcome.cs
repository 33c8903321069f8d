namespace CallLoop.Domain;

/// <summary>Result of an appeal against a request decision.</summary>
[GenerateSerializer, Alias("callloop.appeal-outcome")]
public enum AppealOutcome
{
    [JsonStringEnumMemberName("reversed")]
    Reversed = 0,

    [JsonStringEnumMemberName("upheld")]
    Upheld = 1,
}

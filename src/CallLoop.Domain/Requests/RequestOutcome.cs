namespace CallLoop.Domain;

/// <summary>How a rights request ended.</summary>
[GenerateSerializer, Alias("callloop.request-outcome")]
public enum RequestOutcome
{
    [JsonStringEnumMemberName("fulfilled")]
    Fulfilled = 0,

    [JsonStringEnumMemberName("partially-fulfilled")]
    PartiallyFulfilled = 1,

    [JsonStringEnumMemberName("denied")]
    Denied = 2,
}

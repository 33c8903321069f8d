namespace CallLoop.Domain;

/// <summary>The subject opted out of a use of their information.</summary>
[GenerateSerializer, Immutable, Alias("callloop.opted-out")]
public sealed record OptedOut : SubjectEvent
{
    [Id(0)]
    public OptOutScope Scope { get; init; }

    [Id(1)]
    public PreferenceMethod Method { get; init; }

    [Id(2)]
    public string? RequestId { get; init; }

    /// <summary>Why an inbound text counted as an opt-out (its classification reason, never the text); null otherwise.</summary>
    [Id(3)]
    public string? Reason { get; init; }

    /// <summary>
    /// Recorded for someone who is not a registered subject (a GPC signal or text from a person without an account):
    /// their data is kept only for a period after their last event, and this arms that period's review.
    /// </summary>
    [Id(4)]
    public bool FromNonSubject { get; init; }
}

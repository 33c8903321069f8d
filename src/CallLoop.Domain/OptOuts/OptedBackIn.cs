namespace CallLoop.Domain;

/// <summary>The subject reversed an earlier opt-out.</summary>
[GenerateSerializer, Immutable, Alias("callloop.opted-back-in")]
public sealed record OptedBackIn : SubjectEvent
{
    [Id(0)]
    public OptOutScope Scope { get; init; }

    [Id(1)]
    public PreferenceMethod Method { get; init; }
}

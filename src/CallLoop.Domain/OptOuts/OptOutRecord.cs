namespace CallLoop.Domain;

/// <summary>An opt-out in force.</summary>
[GenerateSerializer, Immutable, Alias("callloop.opt-out-record")]
public sealed record OptOutRecord
{
    [Id(0)]
    public OptOutScope Scope { get; init; }

    [Id(1)]
    public PreferenceMethod Method { get; init; }

    [Id(2)]
    public DateTimeOffset OptedOutAt { get; init; }

    [Id(3)]
    public string? RequestId { get; init; }
}

namespace CallLoop.Domain;

/// <summary>We learned the subject is under 18.</summary>
[GenerateSerializer, Immutable, Alias("callloop.minor-detected")]
public sealed record MinorDetected : SubjectEvent
{
    [Id(0)]
    public DateOnly? BirthDate { get; init; }

    [Id(1)]
    public string? Evidence { get; init; }

    /// <summary>The birth date as stored: sealed text (see <see cref="PersonalValues"/>); null in memory.</summary>
    [Id(2)]
    public string? SealedBirthDate { get; init; }
}

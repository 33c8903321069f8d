namespace CallLoop.Domain;

/// <summary>A data subject became known, with the jurisdiction whose law governs their rights.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-registered")]
public sealed record SubjectRegistered : SubjectEvent
{
    /// <summary>Jurisdiction code from the jurisdiction table (US state code or CAN).</summary>
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public string? Email { get; init; }

    /// <summary>Normalized by PhoneNumber.Normalize.</summary>
    [Id(2)]
    public string? Phone { get; init; }

    [Id(3)]
    public string? Name { get; init; }

    [Id(4)]
    public DateOnly? BirthDate { get; init; }

    /// <summary>The birth date as stored: sealed text (see <see cref="PersonalValues"/>); null in memory.</summary>
    [Id(5)]
    public string? SealedBirthDate { get; init; }

    /// <summary>IANA time zone, when known (null in events before it existed).</summary>
    [Id(6)]
    public string? TimeZone { get; init; }
}

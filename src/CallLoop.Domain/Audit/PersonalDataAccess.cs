namespace CallLoop.Domain;

/// <summary>Who reads a subject's personal values and why; the grain records it before answering.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-data-access")]
public sealed record PersonalDataAccess
{
    /// <summary>The authenticated caller (a staff member or service), never the subject's own data.</summary>
    [Id(0)]
    public string AccessedBy { get; init; } = string.Empty;

    [Id(1)]
    public AccessPurpose Purpose { get; init; }

    /// <summary>The rights request being answered, when there is one; it must be one of the subject's.</summary>
    [Id(2)]
    public string? RequestId { get; init; }
}

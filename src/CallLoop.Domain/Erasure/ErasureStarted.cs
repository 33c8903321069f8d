namespace CallLoop.Domain;

/// <summary>Deletion of the subject's data started; categories under legal hold are retained.</summary>
[GenerateSerializer, Immutable, Alias("callloop.erasure-started")]
public sealed record ErasureStarted : SubjectEvent
{
    [Id(0)]
    public ErasureReason Reason { get; init; }

    [Id(1)]
    public string? RequestId { get; init; }

    [Id(2)]
    public IReadOnlyList<PersonalInformationCategory> RetainedCategories { get; init; } = [];
}

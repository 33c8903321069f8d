namespace CallLoop.Domain;

/// <summary>The requester appealed a denial or partial fulfilment.</summary>
[GenerateSerializer, Immutable, Alias("callloop.appeal-filed")]
public sealed record AppealFiled : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public string? Reason { get; init; }

    [Id(2)]
    public DateTimeOffset FiledAt { get; init; }

    [Id(3)]
    public DateTimeOffset AppealDueAt { get; init; }
}

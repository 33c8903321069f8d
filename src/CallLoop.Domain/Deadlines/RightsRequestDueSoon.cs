namespace CallLoop.Domain;

/// <summary>An open request entered its warning window before <see cref="DueAt"/>; someone must act now.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-due-soon")]
public sealed record RightsRequestDueSoon : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; init; }

    /// <summary>The request's governing law, copied so counts by jurisdiction need no lookup.</summary>
    [Id(2)]
    public string Jurisdiction { get; init; } = string.Empty;

    /// <summary>The deadline this warning is about (an extension moves it, and warrants a new warning).</summary>
    [Id(3)]
    public DateTimeOffset DueAt { get; init; }
}

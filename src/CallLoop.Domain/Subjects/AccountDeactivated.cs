namespace CallLoop.Domain;

/// <summary>The subject's account was deactivated.</summary>
[GenerateSerializer, Immutable, Alias("callloop.account-deactivated")]
public sealed record AccountDeactivated : SubjectEvent
{
    /// <summary>Stable code such as minor, terminate-account or request.</summary>
    [Id(0)]
    public string Reason { get; init; } = string.Empty;
}

namespace CallLoop.Domain;

/// <summary>An open notice obligation entered its warning window (recorded by the incident's deadline reminder).</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-obligation-due-soon")]
public sealed record IncidentObligationDueSoon : IncidentEvent
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public BreachObligationKind Obligation { get; init; }

    [Id(2)]
    public DateTimeOffset DueAt { get; init; }
}

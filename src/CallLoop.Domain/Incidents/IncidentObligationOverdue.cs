namespace CallLoop.Domain;

/// <summary>An open notice obligation passed its due date (recorded by the incident's deadline reminder).</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-obligation-overdue")]
public sealed record IncidentObligationOverdue : IncidentEvent
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public BreachObligationKind Obligation { get; init; }

    [Id(2)]
    public DateTimeOffset DueAt { get; init; }
}

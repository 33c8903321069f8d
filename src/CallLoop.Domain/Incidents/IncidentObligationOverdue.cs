namespace CallLoop.Domain;

/// <summary>An open notice obligation passed its due date (recorded by the incident's deadline reminder).</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-obligation-overdue")]
public sealed record IncidentObligationOverdue : IncidentEvent
{
    [Id(0)]
    public string Jurisdiction { get; set; } = string.Empty;

    [Id(1)]
    public BreachObligationKind Obligation { get; set; }

    [Id(2)]
    public DateTimeOffset DueAt { get; set; }
}

namespace CallLoop.Domain;

/// <summary>Record that an open obligation is due soon or overdue (sent by the incident's deadline reminders).</summary>
[GenerateSerializer, Immutable, Alias("callloop.mark-obligation")]
public sealed record MarkObligation : IncidentCommand
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public BreachObligationKind Obligation { get; init; }

    /// <summary>True: overdue; false: due soon.</summary>
    [Id(2)]
    public bool Overdue { get; init; }
}

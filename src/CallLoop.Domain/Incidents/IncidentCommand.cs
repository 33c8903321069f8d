namespace CallLoop.Domain;

/// <summary>Base of every command an incident's grain decides.</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-command")]
public abstract record IncidentCommand
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;
}

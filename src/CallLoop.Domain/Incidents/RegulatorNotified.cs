namespace CallLoop.Domain;

/// <summary>A jurisdiction's regulator (attorney general, state police, privacy commissioner) was notified.</summary>
[GenerateSerializer, Immutable, Alias("callloop.regulator-notified")]
public sealed record RegulatorNotified : IncidentEvent
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public string Regulator { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset SentAt { get; init; }
}

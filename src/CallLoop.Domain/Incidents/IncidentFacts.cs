namespace CallLoop.Domain;

/// <summary>What is known about a security incident; reported once, then corrected as a whole.</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-facts")]
public sealed record IncidentFacts
{
    [Id(0)]
    public DateTimeOffset DiscoveredAt { get; init; }

    [Id(1)]
    public DateTimeOffset OccurredFrom { get; init; }

    [Id(2)]
    public DateTimeOffset OccurredTo { get; init; }

    /// <summary>What happened, in words fit for the notice ("What Happened"). Never personal data.</summary>
    [Id(3)]
    public string Description { get; init; } = string.Empty;

    /// <summary>CCPA categories the attacker reached; the assessment finds everyone who held one in the window.</summary>
    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];

    [Id(5)]
    public IReadOnlyList<BreachDataElement> DataElements { get; init; } = [];

    [Id(6)]
    public bool Encrypted { get; init; }

    [Id(7)]
    public bool KeyCompromised { get; init; }

    [Id(8)]
    public IReadOnlyList<string> Systems { get; init; } = [];

    /// <summary>Canada (PIPEDA) and Quebec: notice is owed only where there is a real risk of significant harm.</summary>
    [Id(9)]
    public bool RealRiskOfSignificantHarm { get; init; }

    /// <summary>What we are doing about it ("What We Are Doing").</summary>
    [Id(10)]
    public string? StepsTaken { get; init; }

    /// <summary>Exempt from individual notice: encrypted, and the key was not taken with it.</summary>
    public bool EncryptionSafeHarbour => Encrypted && !KeyCompromised;
}

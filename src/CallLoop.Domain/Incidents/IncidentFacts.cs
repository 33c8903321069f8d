namespace CallLoop.Domain;

/// <summary>What is known about a security incident; reported once, then corrected as a whole.</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-facts")]
public sealed record IncidentFacts
{
    [Id(0)]
    public DateTimeOffset DiscoveredAt { get; set; }

    [Id(1)]
    public DateTimeOffset OccurredFrom { get; set; }

    [Id(2)]
    public DateTimeOffset OccurredTo { get; set; }

    /// <summary>What happened, in words fit for the notice ("What Happened"). Never personal data.</summary>
    [Id(3)]
    public string Description { get; set; } = string.Empty;

    /// <summary>CCPA categories the attacker reached; the assessment finds everyone who held one in the window.</summary>
    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; set; } = [];

    [Id(5)]
    public IReadOnlyList<BreachDataElement> DataElements { get; set; } = [];

    [Id(6)]
    public bool Encrypted { get; set; }

    [Id(7)]
    public bool KeyCompromised { get; set; }

    [Id(8)]
    public IReadOnlyList<string> Systems { get; set; } = [];

    /// <summary>Canada (PIPEDA) and Quebec: notice is owed only where there is a real risk of significant harm.</summary>
    [Id(9)]
    public bool RealRiskOfSignificantHarm { get; set; }

    /// <summary>What we are doing about it ("What We Are Doing").</summary>
    [Id(10)]
    public string? StepsTaken { get; set; }

    /// <summary>Exempt from individual notice: encrypted, and the key was not taken with it.</summary>
    public bool EncryptionSafeHarbour => Encrypted && !KeyCompromised;
}

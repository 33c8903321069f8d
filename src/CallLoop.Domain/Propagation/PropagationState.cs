namespace CallLoop.Domain;

/// <summary>What propagation to processors needs to remember about one subject.</summary>
[GenerateSerializer, Immutable, Alias("callloop.propagation-state")]
public sealed record PropagationState
{
    /// <summary>Every category ever collected, kept after erasure: processors that received it must hear of the erasure.</summary>
    [Id(0)]
    public ImmutableHashSet<PersonalInformationCategory> CategoriesEverHeld { get; init; } = [];

    /// <summary>Global sequences of the events whose processors were already chosen (a replay plans nothing new).</summary>
    [Id(1)]
    public ImmutableHashSet<long> PlannedSequences { get; init; } = [];

    [Id(2)]
    public ImmutableDictionary<string, DeliveryRecord> Deliveries { get; init; } =
        ImmutableDictionary<string, DeliveryRecord>.Empty;
}

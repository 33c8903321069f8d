namespace CallLoop.Domain;

/// <summary>
/// A subject's consent state per channel: the consent for each purpose (granted or withdrawn, with its evidence) and
/// the opt-outs in force for each scope. <see cref="ConsentEvolution"/> is the only code that changes it.
/// </summary>
public sealed record ConsentChoices(
    ImmutableDictionary<ConsentPurpose, ConsentRecord> Consents,
    ImmutableDictionary<OptOutScope, OptOutRecord> OptOuts)
{
    /// <summary>No consent given or withdrawn, no opt-out.</summary>
    public static ConsentChoices None { get; } = new(
        ImmutableDictionary<ConsentPurpose, ConsentRecord>.Empty,
        ImmutableDictionary<OptOutScope, OptOutRecord>.Empty);
}

using CallLoop.Domain;

namespace CallLoop.EventStore.Protection;

/// <summary>Seals and opens one subject's personal values in batches (the subject's key grain, in a silo).</summary>
public interface IPersonalValueProtector
{
    /// <summary>Sealed texts in the order given; the keys they need are durably stored before this returns.</summary>
    Task<IReadOnlyList<string>> SealAsync(IReadOnlyList<PersonalValue> values);

    /// <summary>Plain texts in the order given; null where the key was destroyed or the value erased.</summary>
    Task<IReadOnlyList<string?>> OpenAsync(IReadOnlyList<PersonalValue> values);
}

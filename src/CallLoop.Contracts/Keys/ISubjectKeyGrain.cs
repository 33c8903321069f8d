using CallLoop.Domain;

namespace CallLoop.Contracts.Keys;

/// <summary>
/// The data keys of one subject (key: the subject id), one per category, kept apart from the events in their own
/// grain storage and wrapped by a master key. Keys never leave this grain: it seals and opens values itself.
/// </summary>
public interface ISubjectKeyGrain : IGrainWithStringKey
{
    /// <summary>Seals values (creating a category's key when first needed; stored before this returns).</summary>
    Task<IReadOnlyList<string>> SealAsync(IReadOnlyList<PersonalValue> values);

    /// <summary>
    /// Opens sealed values: null where the key was destroyed or the value masked, or where the key's master key is no
    /// longer configured (the grain still activates, seals, destroys and describes: a lost master key never blocks
    /// erasure); plain values pass through.
    /// Throws <see cref="PersonalValueUnreadableException"/> for a value sealed for another subject or category, or altered.
    /// </summary>
    Task<IReadOnlyList<string?>> OpenAsync(IReadOnlyList<PersonalValue> values);

    /// <summary>
    /// The command's keyed <see cref="IdempotencyFingerprint"/> under a key derived from the data key the subject's free
    /// text is sealed with (<see cref="FreeText.Category"/>): data key <paramref name="keyId"/> when given (null when it
    /// is destroyed or unreadable), else the current one (created and stored first when needed).
    /// </summary>
    Task<string?> FingerprintAsync(SubjectCommand command, string? caller, string? keyId);

    /// <summary>Destroys every key of <paramref name="categories"/> (idempotent); returns the ids of all their destroyed keys.</summary>
    Task<IReadOnlyList<string>> DestroyAsync(IReadOnlyList<PersonalInformationCategory> categories);

    /// <summary>Re-wraps every live key it can under the current master key; reports how many moved and how many could not.</summary>
    Task<SubjectKeyRewrap> RewrapAsync();

    /// <summary>Key ids, categories, master key ids and destruction times; never key material.</summary>
    Task<IReadOnlyList<SubjectKeyInfo>> DescribeAsync();
}

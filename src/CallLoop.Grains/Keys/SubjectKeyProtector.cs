using CallLoop.Contracts.Keys;
using CallLoop.Domain;
using CallLoop.EventStore.Protection;

namespace CallLoop.Grains.Keys;

/// <summary>
/// Seals and opens through the subject's key grain. The grain's reference is made on the first value to seal or
/// open: most commands carry none, and a reference costs an allocation of the subject's id on each one.
/// </summary>
public sealed class SubjectKeyProtector(IGrainFactory grains, string subjectId) : IPersonalValueProtector
{
    private ISubjectKeyGrain? keys;

    private ISubjectKeyGrain Keys => keys ??= grains.GetGrain<ISubjectKeyGrain>(subjectId);

    public static SubjectKeyProtector For(IGrainFactory grains, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(subjectId);
        return new SubjectKeyProtector(grains, subjectId);
    }

    public Task<IReadOnlyList<string>> SealAsync(IReadOnlyList<PersonalValue> values) => Keys.SealAsync(values);

    public Task<IReadOnlyList<string?>> OpenAsync(IReadOnlyList<PersonalValue> values) => Keys.OpenAsync(values);
}

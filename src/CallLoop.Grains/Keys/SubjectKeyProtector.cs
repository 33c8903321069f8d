using CallLoop.Contracts.Keys;
using CallLoop.Domain;
using CallLoop.EventStore.Protection;

namespace CallLoop.Grains.Keys;

/// <summary>Seals and opens through the subject's key grain.</summary>
public sealed class SubjectKeyProtector(ISubjectKeyGrain keys) : IPersonalValueProtector
{
    public static SubjectKeyProtector For(IGrainFactory grains, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return new SubjectKeyProtector(grains.GetGrain<ISubjectKeyGrain>(subjectId));
    }

    public Task<IReadOnlyList<string>> SealAsync(IReadOnlyList<PersonalValue> values) => keys.SealAsync(values);

    public Task<IReadOnlyList<string?>> OpenAsync(IReadOnlyList<PersonalValue> values) => keys.OpenAsync(values);
}

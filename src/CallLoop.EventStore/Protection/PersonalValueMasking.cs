using CallLoop.Domain;
using JasperFx.Events;
using Marten;

namespace CallLoop.EventStore.Protection;

/// <summary>
/// Defence in depth after crypto-shredding: Marten's event data masking rewrites, in place, every stored value of
/// one subject's stream that was sealed with a destroyed key into <c>erased:&lt;keyId&gt;</c>.
/// </summary>
/// <remarks>
/// Marten's masking rules are registered once per event type and know nothing of the erasure at hand, so the key ids
/// being erased travel to them in an <see cref="AsyncLocal{T}"/> set around the masking call; outside one, the rules
/// change nothing. Values sealed with keys that survive (legal holds) are left as they are.
/// </remarks>
public sealed class PersonalValueMasking(IDocumentStore store)
{
    private static readonly AsyncLocal<IReadOnlySet<string>?> ErasingKeyIds = new();

    /// <summary>Masks the subject's stored values sealed with <paramref name="keyIds"/>; returns how many events were rewritten.</summary>
    public async Task<int> MaskAsync(string subjectId, IReadOnlyCollection<string> keyIds, CancellationToken cancellationToken)
    {
        if (keyIds.Count == 0)
        {
            return 0;
        }

        var erasing = keyIds.ToHashSet(StringComparer.Ordinal);
        var masked = 0;
        ErasingKeyIds.Value = erasing;
        try
        {
            await store.Advanced.ApplyEventDataMasking(
                masking => masking.IncludeStream(subjectId, e =>
                {
                    var matches = e.Data is SubjectEvent subjectEvent && CarriesAny(subjectEvent, erasing);
                    if (matches)
                    {
                        Interlocked.Increment(ref masked);
                    }

                    return matches;
                }),
                cancellationToken);
        }
        finally
        {
            ErasingKeyIds.Value = null;
        }

        return masked;
    }

    /// <summary>Registers the masking rule of every event type that carries personal values.</summary>
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events.AddMaskingRuleForProtectedInformation<SubjectRegistered>(e => (SubjectRegistered)Mask(e));
        options.Events.AddMaskingRuleForProtectedInformation<PersonalInformationCollected>(e => (PersonalInformationCollected)Mask(e));
        options.Events.AddMaskingRuleForProtectedInformation<InformationCorrected>(e => (InformationCorrected)Mask(e));
        options.Events.AddMaskingRuleForProtectedInformation<RightsRequestReceived>(e => (RightsRequestReceived)Mask(e));
        options.Events.AddMaskingRuleForProtectedInformation<MinorDetected>(e => (MinorDetected)Mask(e));
    }

    private static bool CarriesAny(SubjectEvent e, IReadOnlySet<string> keyIds) =>
        PersonalValues.Of(e).Any(v => SealedText.IsSealed(v.Value) && SealedText.KeyIdOf(v.Value) is { } id && keyIds.Contains(id));

    private static SubjectEvent Mask(SubjectEvent e)
    {
        var erasing = ErasingKeyIds.Value;
        if (erasing is null)
        {
            return e;
        }

        return PersonalValues.Map(e, v => SealedText.IsSealed(v.Value) && SealedText.KeyIdOf(v.Value) is { } id && erasing.Contains(id)
            ? SealedText.Erased(id)
            : v.Value);
    }
}

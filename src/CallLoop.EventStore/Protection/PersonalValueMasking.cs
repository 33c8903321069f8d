using System.Reflection;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Facts;
using JasperFx.Events;
using Marten;
using Npgsql;

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
    private static readonly AsyncLocal<Erasing?> Current = new();

    /// <summary>
    /// Masks the subject's stored values sealed with <paramref name="keyIds"/>, and any plain value (written before
    /// values were sealed) in <paramref name="categories"/>; returns how many events were rewritten.
    /// </summary>
    public async Task<int> MaskAsync(string subjectId, IReadOnlyCollection<string> keyIds, IReadOnlyCollection<PersonalInformationCategory> categories, CancellationToken cancellationToken)
    {
        if (keyIds.Count == 0 && categories.Count == 0)
        {
            return 0;
        }

        var erasing = new Erasing(keyIds.ToHashSet(StringComparer.Ordinal), categories.ToHashSet());
        var masked = 0;
        Current.Value = erasing;
        try
        {
            await store.Advanced.ApplyEventDataMasking(
                masking => masking.IncludeStream(subjectId, e =>
                {
                    var matches = e.Data is SubjectEvent subjectEvent && PersonalValues.Of(subjectEvent).Any(erasing.Masks);
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
            Current.Value = null;
        }

        if (categories.Contains(FreeText.Category))
        {
            await ClearLedgerEvidenceAsync(subjectId, cancellationToken);
        }

        return masked;
    }

    /// <summary>The consent ledger copied evidence (free text) in clear before it was sealed: those copies go with the identifiers.</summary>
    private async Task ClearLedgerEvidenceAsync(string subjectId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"update {ReportTables.Qualified(ReportTables.ConsentLedger)} set evidence = null where subject_id = ? and evidence is not null", subjectId);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } || e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable })
        {
            // A store whose projections never ran has no ledger: nothing was copied.
        }
    }

    /// <summary>Registers the masking rule of every event type that carries personal values or free text (<see cref="PersonalValues.CarryingTypes"/>).</summary>
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rule = typeof(PersonalValueMasking).GetMethod(nameof(RegisterRule), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in PersonalValues.CarryingTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            rule.MakeGenericMethod(type).Invoke(null, [options]);
        }
    }

    private static void RegisterRule<T>(StoreOptions options)
        where T : SubjectEvent =>
        options.Events.AddMaskingRuleForProtectedInformation<T>(e => (T)Mask(e));

    private static SubjectEvent Mask(SubjectEvent e)
    {
        var erasing = Current.Value;
        return erasing is null ? e : PersonalValues.Map(e, v => erasing.Masks(v) ? SealedText.Erased(SealedText.KeyIdOf(v.Value) ?? EnumText.ToText(v.Category)) : v.Value);
    }

    private sealed record Erasing(IReadOnlySet<string> KeyIds, IReadOnlySet<PersonalInformationCategory> Categories)
    {
        public bool Masks(PersonalValue value) => SealedText.IsSealed(value.Value)
            ? SealedText.KeyIdOf(value.Value) is { } id && KeyIds.Contains(id)
            : !SealedText.IsErased(value.Value) && Categories.Contains(value.Category);
    }
}

using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// One row of the consent ledger: a mapping of what <see cref="ConsentEvolution"/> (the subject state's own fold)
/// leaves for the purpose or scope of one consent or opt-out event. The ledger never says how an event changes a
/// consent. Each such event sets all of what its row shows, so a row needs no earlier event and a page of events is
/// mapped on its own. The evidence is free text (<see cref="FreeText"/>), sealed in the event: no row carries it.
/// </summary>
public sealed record ConsentLedgerRow(
    long Sequence,
    string SubjectId,
    string Entry,
    string Purpose,
    string? Basis,
    string? NoticeVersion,
    string? Channel,
    string? Method,
    string? RequestId,
    DateTimeOffset OccurredAt,
    string? EvidenceKind = null,
    DateTimeOffset? GrantedAt = null)
{
    /// <summary>The row of <paramref name="e"/>, which happened at <paramref name="occurredAt"/>; null for an event that changes no consent or opt-out.</summary>
    public static ConsentLedgerRow? Of(long sequence, string subjectId, SubjectEvent e, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!ConsentEvolution.Changes(e))
        {
            return null;
        }

        var stamped = e with { OccurredAt = occurredAt };
        var after = ConsentEvolution.Evolve(ConsentChoices.None, stamped);
        return stamped switch
        {
            ConsentGranted or ConsentWithdrawn => OfConsent(sequence, subjectId, after.Consents.Values.Single(), occurredAt),
            OptedOut { Scope: var scope } => OfOptOut(sequence, subjectId, after.OptOuts[scope]),
            OptedBackIn back => new(sequence, subjectId, ConsentLedgerEntries.OptedBackIn, EnumText.ToText(back.Scope), null, null, null, EnumText.ToText(back.Method), null, occurredAt),
            _ => null,
        };
    }

    /// <summary><c>e-sign</c>, <c>checkbox</c>, ... for signed consents; <c>implied-by:purchase</c> or <c>implied-by:inquiry</c>; else null.</summary>
    public static string? EvidenceKindOf(ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return consent.SignatureMethod is { } method ? EnumText.ToText(method)
            : consent.ImpliedBy is { } impliedBy ? $"implied-by:{EnumText.ToText(impliedBy)}"
            : null;
    }

    private static ConsentLedgerRow OfConsent(long sequence, string subjectId, ConsentRecord consent, DateTimeOffset occurredAt) => consent.Granted
        ? new(
            sequence, subjectId, ConsentLedgerEntries.Granted, EnumText.ToText(consent.Purpose), EnumText.ToText(consent.Basis), consent.NoticeVersion, consent.Channel,
            null, null, occurredAt, EvidenceKindOf(consent), consent.GrantedAt?.ToUniversalTime())
        : new(
            sequence, subjectId, ConsentLedgerEntries.Withdrawn, EnumText.ToText(consent.Purpose), null, null, consent.WithdrawalChannel,
            null, consent.WithdrawalRequestId, occurredAt);

    private static ConsentLedgerRow OfOptOut(long sequence, string subjectId, OptOutRecord optOut) => new(
        sequence, subjectId, ConsentLedgerEntries.OptedOut, EnumText.ToText(optOut.Scope), null, null, null, EnumText.ToText(optOut.Method), optOut.RequestId, optOut.OptedOutAt);
}

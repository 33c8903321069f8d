using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Every consent, withdrawal, opt-out and opt-back-in with its evidence, one SQL row each (async). A page of events is
/// written with one statement; replays are harmless (keyed by sequence; a grant's evidence kind and time are refreshed).
/// </summary>
public sealed class ConsentLedgerProjection : IProjection
{
    public static string[] Tables { get; } = [ReportTables.Qualified(ReportTables.ConsentLedger)];

    /// <summary><c>e-sign</c>, <c>checkbox</c>, ... for signed consents; <c>implied-by:purchase</c> or <c>implied-by:inquiry</c>; else null.</summary>
    public static string? EvidenceKind(ConsentGranted granted) =>
        granted.SignatureMethod is { } method ? EnumText.ToText(method)
        : granted.ImpliedBy is { } impliedBy ? $"implied-by:{EnumText.ToText(impliedBy)}"
        : null;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.Select(Row).OfType<LedgerRow>().ToList();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var ledger = ReportTables.Qualified(ReportTables.ConsentLedger);
        operations.QueueSqlCommand(
            $"""
            insert into {ledger}
                (seq_id, subject_id, entry, purpose, basis, notice_version, channel, method, evidence, request_id, occurred_at, evidence_kind, granted_at)
            select seq_id, subject_id, entry, purpose, nullif(basis, ''), nullif(notice_version, ''), nullif(channel, ''), nullif(method, ''),
                   nullif(evidence, ''), nullif(request_id, ''), occurred_at, nullif(evidence_kind, ''), granted_at
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[])
                as r(seq_id, subject_id, entry, purpose, basis, notice_version, channel, method, evidence, request_id, occurred_at, evidence_kind, granted_at)
            on conflict (seq_id) do update set evidence_kind = excluded.evidence_kind, granted_at = excluded.granted_at
            where excluded.entry = '{ConsentLedgerEntries.Granted}'
            """,
            rows.Select(r => r.Sequence).ToArray(),
            rows.Select(r => r.SubjectId).ToArray(),
            rows.Select(r => r.Entry).ToArray(),
            rows.Select(r => r.Purpose).ToArray(),
            rows.Select(r => r.Basis ?? string.Empty).ToArray(),
            rows.Select(r => r.NoticeVersion ?? string.Empty).ToArray(),
            rows.Select(r => r.Channel ?? string.Empty).ToArray(),
            rows.Select(r => r.Method ?? string.Empty).ToArray(),
            rows.Select(r => r.Evidence ?? string.Empty).ToArray(),
            rows.Select(r => r.RequestId ?? string.Empty).ToArray(),
            rows.Select(r => r.OccurredAt).ToArray(),
            rows.Select(r => r.EvidenceKind ?? string.Empty).ToArray(),
            rows.Select(r => r.GrantedAt).ToArray());
        return Task.CompletedTask;
    }

    private static LedgerRow? Row(IEvent e) => e.Data switch
    {
        ConsentGranted granted => new LedgerRow(
            e.Sequence, e.StreamKey!, ConsentLedgerEntries.Granted, EnumText.ToText(granted.Purpose), EnumText.ToText(granted.Basis), granted.NoticeVersion, granted.Channel,
            null, granted.Evidence, null, PageEvents.OccurredAt(e), EvidenceKind(granted), (granted.GrantedAt ?? PageEvents.OccurredAt(e)).ToUniversalTime()),
        ConsentWithdrawn withdrawn => new LedgerRow(
            e.Sequence, e.StreamKey!, ConsentLedgerEntries.Withdrawn, EnumText.ToText(withdrawn.Purpose), null, null, withdrawn.Channel, null, withdrawn.Evidence, withdrawn.RequestId, PageEvents.OccurredAt(e)),
        OptedOut optedOut => new LedgerRow(
            e.Sequence, e.StreamKey!, ConsentLedgerEntries.OptedOut, EnumText.ToText(optedOut.Scope), null, null, null, EnumText.ToText(optedOut.Method), null, optedOut.RequestId, PageEvents.OccurredAt(e)),
        OptedBackIn optedIn => new LedgerRow(
            e.Sequence, e.StreamKey!, ConsentLedgerEntries.OptedBackIn, EnumText.ToText(optedIn.Scope), null, null, null, EnumText.ToText(optedIn.Method), null, null, PageEvents.OccurredAt(e)),
        _ => null,
    };

    private sealed record LedgerRow(
        long Sequence,
        string SubjectId,
        string Entry,
        string Purpose,
        string? Basis,
        string? NoticeVersion,
        string? Channel,
        string? Method,
        string? Evidence,
        string? RequestId,
        DateTimeOffset OccurredAt,
        string? EvidenceKind = null,
        DateTimeOffset? GrantedAt = null);
}

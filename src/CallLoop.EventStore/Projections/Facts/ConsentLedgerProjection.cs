using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Every consent, withdrawal, opt-out and opt-back-in with its kind of evidence (the evidence itself is free text, sealed
/// in the event and left out), one SQL row each (async), mapped from the
/// subject state's own consent fold (<see cref="ConsentLedgerRow"/>). A page of events is written with one statement;
/// replays are harmless (keyed by sequence; a grant's evidence kind and time are refreshed).
/// </summary>
public sealed class ConsentLedgerProjection : IProjection
{
    private const string Columns = "(seq_id, subject_id, entry, purpose, basis, notice_version, channel, method, request_id, occurred_at, evidence_kind, granted_at)";

    /// <summary>A row of the page's arrays as the table stores it: empty text is null.</summary>
    private const string Values = "seq_id, subject_id, entry, purpose, nullif(basis, ''), nullif(notice_version, ''), nullif(channel, ''), nullif(method, ''), nullif(request_id, ''), occurred_at, nullif(evidence_kind, ''), granted_at";

    public static string[] Tables { get; } = [ReportTables.Qualified(ReportTables.ConsentLedger)];

    /// <summary>The events a row is mapped from (<see cref="ConsentEvolution.Changes"/>); the daemon loads no other.</summary>
    public static IReadOnlyList<Type> EventTypes => ConsentEvolution.EventTypes;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.Select(Row).OfType<ConsentLedgerRow>().ToList();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var ledger = ReportTables.Qualified(ReportTables.ConsentLedger);
        // Pages move forward, so a page's rows are normally all above the ledger's highest sequence: those are inserted
        // plainly. Only rows at or under it (a replay, a rebuild over kept rows) take the upsert, whose speculative
        // insertion costs about half as much again per row. One statement, one snapshot: the two halves are disjoint.
        operations.QueueSqlCommand(
            $"""
            with r as (
                select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[])
                    as r{Columns}
            ), known as (
                select coalesce(max(seq_id), 0) as highest from {ledger}
            ), fresh as (
                insert into {ledger} {Columns}
                select {Values}
                from r, known where r.seq_id > known.highest
            )
            insert into {ledger} {Columns}
            select {Values}
            from r, known where r.seq_id <= known.highest
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
            rows.Select(r => r.RequestId ?? string.Empty).ToArray(),
            rows.Select(r => r.OccurredAt).ToArray(),
            rows.Select(r => r.EvidenceKind ?? string.Empty).ToArray(),
            rows.Select(r => r.GrantedAt).ToArray());
        return Task.CompletedTask;
    }

    private static ConsentLedgerRow? Row(IEvent e) =>
        e.Data is SubjectEvent subjectEvent ? ConsentLedgerRow.Of(e.Sequence, e.StreamKey!, subjectEvent, PageEvents.OccurredAt(e)) : null;
}

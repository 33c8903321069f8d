using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Daemon;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>Every consent, withdrawal, opt-out and opt-back-in with its evidence, one SQL row each (async).</summary>
public sealed partial class ConsentLedgerProjection : EventProjection
{
    public ConsentLedgerProjection()
    {
        Name = ProjectionNames.ConsentLedger;
        var ledger = ReportTables.ConsentLedgerTable();
        SchemaObjects.Add(ledger);
        Options.DeleteDataInTableOnTeardown(ledger.Identifier.QualifiedName);
    }

    public void Project(IEvent<ConsentGranted> e, IDocumentOperations ops)
    {
        Insert(ops, e, ConsentLedgerEntries.Granted, EnumText.ToText(e.Data.Purpose), EnumText.ToText(e.Data.Basis), e.Data.NoticeVersion, e.Data.Channel, null, e.Data.Evidence, null);
        ops.QueueSqlCommand(
            $"update {ReportTables.Qualified(ReportTables.ConsentLedger)} set evidence_kind = nullif(?, ''), granted_at = ? where seq_id = ?",
            EvidenceKind(e.Data) ?? string.Empty,
            (e.Data.GrantedAt ?? (e.Data.OccurredAt != default ? e.Data.OccurredAt : e.Timestamp)).ToUniversalTime(),
            e.Sequence);
    }

    /// <summary><c>e-sign</c>, <c>checkbox</c>, ... for signed consents; <c>implied-by:purchase</c> or <c>implied-by:inquiry</c>; else null.</summary>
    public static string? EvidenceKind(ConsentGranted granted) =>
        granted.SignatureMethod is { } method ? EnumText.ToText(method)
        : granted.ImpliedBy is { } impliedBy ? $"implied-by:{EnumText.ToText(impliedBy)}"
        : null;

    public void Project(IEvent<ConsentWithdrawn> e, IDocumentOperations ops) =>
        Insert(ops, e, ConsentLedgerEntries.Withdrawn, EnumText.ToText(e.Data.Purpose), null, null, e.Data.Channel, null, e.Data.Evidence, e.Data.RequestId);

    public void Project(IEvent<OptedOut> e, IDocumentOperations ops) =>
        Insert(ops, e, ConsentLedgerEntries.OptedOut, EnumText.ToText(e.Data.Scope), null, null, null, EnumText.ToText(e.Data.Method), null, e.Data.RequestId);

    public void Project(IEvent<OptedBackIn> e, IDocumentOperations ops) =>
        Insert(ops, e, ConsentLedgerEntries.OptedBackIn, EnumText.ToText(e.Data.Scope), null, null, null, EnumText.ToText(e.Data.Method), null, null);

    private static void Insert(
        IDocumentOperations ops,
        IEvent e,
        string entry,
        string purpose,
        string? basis,
        string? noticeVersion,
        string? channel,
        string? method,
        string? evidence,
        string? requestId)
    {
        var occurredAt = e.Data is SubjectEvent { OccurredAt: var at } && at != default ? at : e.Timestamp;
        ops.QueueSqlCommand(
            $"""
            insert into {ReportTables.Qualified(ReportTables.ConsentLedger)}
                (seq_id, subject_id, entry, purpose, basis, notice_version, channel, method, evidence, request_id, occurred_at)
            values (?, ?, ?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), nullif(?, ''), nullif(?, ''), nullif(?, ''), ?)
            on conflict do nothing
            """,
            e.Sequence,
            e.StreamKey!,
            entry,
            purpose,
            basis ?? string.Empty,
            noticeVersion ?? string.Empty,
            channel ?? string.Empty,
            method ?? string.Empty,
            evidence ?? string.Empty,
            requestId ?? string.Empty,
            occurredAt.ToUniversalTime());
    }
}

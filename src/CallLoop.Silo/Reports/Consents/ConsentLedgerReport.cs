namespace CallLoop.Silo.Reports.Consents;

/// <summary>
/// The consent ledger for one purpose as of a moment: how many subjects then consented or had opted out (by their
/// latest entry), and one page of the entries in time order. Evidence is free text staff and forms fill in (names and
/// emails end up there), so analysts never see it: it is read through the subject's audited history.
/// <see cref="NextCursor"/> asks for the next page (null when this one was the last).
/// </summary>
public sealed record ConsentLedgerReport(
    string Purpose,
    DateTimeOffset AsOf,
    long SubjectsConsenting,
    long SubjectsOptedOut,
    IReadOnlyList<ConsentLedgerLine> Entries,
    string? NextCursor);

public sealed record ConsentLedgerLine(
    string SubjectId,
    string Entry,
    string? Basis,
    string? NoticeVersion,
    string? Channel,
    string? Method,
    string? RequestId,
    DateTimeOffset OccurredAt,
    string? EvidenceKind = null,
    DateTimeOffset? ExpiresAt = null);

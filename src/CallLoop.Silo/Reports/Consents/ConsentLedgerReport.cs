namespace CallLoop.Silo.Reports.Consents;

/// <summary>
/// Proof of consent for one purpose as of a moment: how many subjects then consented or had opted out
/// (by their latest entry), and the entries themselves with their evidence.
/// </summary>
public sealed record ConsentLedgerReport(
    string Purpose,
    DateTimeOffset AsOf,
    long SubjectsConsenting,
    long SubjectsOptedOut,
    IReadOnlyList<ConsentLedgerLine> Entries);

public sealed record ConsentLedgerLine(
    string SubjectId,
    string Entry,
    string? Basis,
    string? NoticeVersion,
    string? Channel,
    string? Method,
    string? Evidence,
    string? RequestId,
    DateTimeOffset OccurredAt);

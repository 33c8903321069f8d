namespace CallLoop.Console.Api;

/// <summary>GET /api/incident-obligations: required breach-notice obligations across incidents, soonest due first.</summary>
public sealed record IncidentObligationPage(string State, int Count, IReadOnlyList<IncidentObligationItem> Items);

/// <summary>One incident's obligation in one jurisdiction: individuals, regulator or credit-bureaus.</summary>
public sealed record IncidentObligationItem(
    string IncidentId, string Jurisdiction, string Obligation, string State, DateTimeOffset? DueAt, DateTimeOffset? MetAt, long Affected, DateTimeOffset DiscoveredAt);

/// <summary>GET /api/incidents/{id}: the part of the incident the console shows (ids, codes, counts and dates).</summary>
public sealed record IncidentDetail(string IncidentId, IncidentFactsSummary Facts, IncidentAssessment Assessment, long Affected, IReadOnlyList<IncidentJurisdiction> Jurisdictions);

public sealed record IncidentFactsSummary(DateTimeOffset DiscoveredAt, DateTimeOffset OccurredFrom, DateTimeOffset OccurredTo, string Description);

/// <summary>The assessment's progress; once failed, how many attempts failed and the error's type (a privacy officer restarts it).</summary>
public sealed record IncidentAssessment(string Status, int ChunksDone, int ChunksTotal, long SubjectsFound, int FailedAttempts = 0, string? ErrorType = null, DateTimeOffset? FailedAt = null);

/// <summary>One jurisdiction's obligations: each with whether the law requires it, its due date and its state.</summary>
public sealed record IncidentJurisdiction(
    string Jurisdiction,
    string Statute,
    long Affected,
    long Notifiable,
    long NoticesSent,
    bool IndividualNoticeRequired,
    string IndividualNoticeReason,
    DateTimeOffset? IndividualNoticeDueAt,
    string IndividualNoticeState,
    string? Regulator,
    bool RegulatorNoticeRequired,
    DateTimeOffset? RegulatorNoticeDueAt,
    string RegulatorNoticeState,
    bool RegulatorBeforeIndividuals,
    bool CreditBureausRequired,
    DateTimeOffset? CreditBureausDueAt,
    string CreditBureausState,
    bool IndividualNoticesAwaitRegulator = false,
    bool CreditBureausThresholdUnverified = false);

/// <summary>GET /api/incidents: one page of every incident (obligations or not); the totals count every incident.</summary>
public sealed record IncidentListPage(
    long Total, IReadOnlyDictionary<string, long> ByAssessmentStatus, long WithOverdue, int Count, IReadOnlyList<IncidentListItem> Items, string? NextCursor);

/// <summary>One incident: its most pressing obligation's state (none: it has none), its assessment and its obligations by state.</summary>
public sealed record IncidentListItem(
    string IncidentId,
    DateTimeOffset DiscoveredAt,
    DateTimeOffset? ReportedAt,
    string State,
    int Assessment,
    string AssessmentStatus,
    long Affected,
    int FailedAttempts,
    string? ErrorType,
    IncidentObligationCounts Obligations);

public sealed record IncidentObligationCounts(long Open, long DueSoon, long Overdue, long Met);

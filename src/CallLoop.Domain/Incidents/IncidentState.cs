namespace CallLoop.Domain;

/// <summary>Everything the incident's decisions and obligations need, folded from its stream by <see cref="IncidentEvolver"/>.</summary>
public sealed record IncidentState
{
    public static IncidentState Initial => new();

    public string? IncidentId { get; init; }

    /// <summary>Events folded in; the expected version of the next append.</summary>
    public long Version { get; init; }

    public IncidentFacts? Facts { get; init; }

    public DateTimeOffset? ReportedAt { get; init; }

    public int Corrections { get; init; }

    /// <summary>Number of the latest assessment started (0: none).</summary>
    public int AssessmentStarted { get; init; }

    /// <summary>Number of the latest assessment completed; behind <see cref="AssessmentStarted"/> while one runs.</summary>
    public int AssessmentCompleted { get; init; }

    public DateTimeOffset? AssessedAt { get; init; }

    /// <summary>The latest recorded failure of an assessment (its number says which).</summary>
    public IncidentAssessmentFailed? LastFailure { get; init; }

    /// <summary>
    /// Failed attempts of the latest assessment, as recorded (<see cref="IncidentAssessmentAttemptFailed"/>, then
    /// <see cref="IncidentAssessmentFailed"/>); 0 when it starts.
    /// </summary>
    public int AssessmentAttemptsFailed { get; init; }

    /// <summary>The facts were corrected since the latest assessment: its counts wait for a new one.</summary>
    public bool AssessmentStale { get; init; }

    public ImmutableDictionary<string, AffectedJurisdiction> Affected { get; init; } =
        ImmutableDictionary<string, AffectedJurisdiction>.Empty;

    public ImmutableDictionary<string, long> NoticesSent { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>When the first individual notice of each jurisdiction went out.</summary>
    public ImmutableDictionary<string, DateTimeOffset> FirstNoticeAt { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>When the last notice needed to reach every notifiable person of the jurisdiction went out.</summary>
    public ImmutableDictionary<string, DateTimeOffset> LastNoticeAt { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    public ImmutableDictionary<string, RegulatorNotified> RegulatorNotices { get; init; } =
        ImmutableDictionary<string, RegulatorNotified>.Empty;

    /// <summary>When each credit bureau was told, per jurisdiction.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<CreditBureau, DateTimeOffset>> CreditBureauNotices { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<CreditBureau, DateTimeOffset>>.Empty;

    /// <summary>"jurisdiction/obligation" keys whose warning or overdue fact was recorded.</summary>
    public ImmutableHashSet<string> DueSoonRecorded { get; init; } = [];

    public ImmutableHashSet<string> OverdueRecorded { get; init; } = [];

    public bool IsReported => Facts is not null;

    /// <summary>The latest assessment gave up: nothing runs until a privacy officer restarts it.</summary>
    public bool AssessmentFailed => AssessmentStarted > AssessmentCompleted && LastFailure?.Assessment == AssessmentStarted;

    public bool AssessmentRunning => AssessmentStarted > AssessmentCompleted && !AssessmentFailed;

    public static string ObligationKey(string jurisdiction, BreachObligationKind kind) => $"{jurisdiction}/{EnumText.ToText(kind)}";
}

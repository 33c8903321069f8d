namespace CallLoop.Domain;

/// <summary>Folds one incident event into the incident's state; the only place these transitions are written.</summary>
public static class IncidentEvolver
{
    public static IncidentState Evolve(IncidentState state, IncidentEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);
        return Apply(state, e) with { IncidentId = state.IncidentId ?? e.IncidentId, Version = state.Version + 1 };
    }

    public static IncidentState Fold(IEnumerable<IncidentEvent> events) => events.Aggregate(IncidentState.Initial, Evolve);

    private static IncidentState Apply(IncidentState state, IncidentEvent e) => e switch
    {
        IncidentReported reported => state with { Facts = reported.Facts, ReportedAt = reported.OccurredAt },

        // Corrected facts may change who is affected: the counts wait for a new assessment.
        IncidentCorrected corrected => state with
        {
            Facts = corrected.Facts,
            Corrections = state.Corrections + 1,
            AssessmentCompleted = state.AssessmentStarted,
            AssessmentStale = state.AssessmentStarted > 0,
        },
        IncidentAssessmentStarted started => state with { AssessmentStarted = started.Assessment, AssessmentAttemptsFailed = 0 },
        IncidentAssessed assessed when assessed.Assessment == state.AssessmentStarted => state with
        {
            AssessmentCompleted = assessed.Assessment,
            AssessedAt = assessed.OccurredAt,
            AssessmentStale = false,
            Affected = assessed.Jurisdictions.ToImmutableDictionary(j => j.Jurisdiction, StringComparer.Ordinal),
        },
        IncidentAssessed => state,
        IncidentAssessmentAttemptFailed attempt when attempt.Assessment == state.AssessmentStarted => state with { AssessmentAttemptsFailed = attempt.Attempt },
        IncidentAssessmentAttemptFailed => state,
        IncidentAssessmentFailed failed when failed.Assessment == state.AssessmentStarted => state with { LastFailure = failed, AssessmentAttemptsFailed = failed.Attempts },
        IncidentAssessmentFailed => state,
        IndividualNoticesRecorded notices => RecordNotices(state, notices),
        RegulatorNotified regulator => state with { RegulatorNotices = state.RegulatorNotices.SetItem(regulator.Jurisdiction, regulator) },
        CreditBureauNotified bureau => RecordBureau(state, bureau),
        IncidentObligationDueSoon dueSoon => state with
        {
            DueSoonRecorded = state.DueSoonRecorded.Add(IncidentState.ObligationKey(dueSoon.Jurisdiction, dueSoon.Obligation)),
        },
        IncidentObligationOverdue overdue => state with
        {
            OverdueRecorded = state.OverdueRecorded.Add(IncidentState.ObligationKey(overdue.Jurisdiction, overdue.Obligation)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), $"Unknown incident event type {e.GetType().Name}."),
    };

    private static IncidentState RecordBureau(IncidentState state, CreditBureauNotified notified)
    {
        var notices = state.CreditBureauNotices;
        foreach (var code in notified.Jurisdictions)
        {
            var told = notices.GetValueOrDefault(code) ?? ImmutableDictionary<CreditBureau, DateTimeOffset>.Empty;
            notices = notices.SetItem(code, told.ContainsKey(notified.Bureau) ? told : told.Add(notified.Bureau, notified.SentAt));
        }

        return state with { CreditBureauNotices = notices };
    }

    private static IncidentState RecordNotices(IncidentState state, IndividualNoticesRecorded notices)
    {
        var sent = state.NoticesSent;
        var first = state.FirstNoticeAt;
        var last = state.LastNoticeAt;
        foreach (var notice in notices.Notices)
        {
            sent = sent.SetItem(notice.Jurisdiction, sent.GetValueOrDefault(notice.Jurisdiction) + notice.Count);
            if (!first.ContainsKey(notice.Jurisdiction))
            {
                first = first.SetItem(notice.Jurisdiction, notices.SentAt);
            }

            last = last.SetItem(notice.Jurisdiction, notices.SentAt);
        }

        return state with { NoticesSent = sent, FirstNoticeAt = first, LastNoticeAt = last };
    }
}

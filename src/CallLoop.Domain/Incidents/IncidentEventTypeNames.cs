namespace CallLoop.Domain;

/// <summary>
/// Stable stored names of the incident stream's events (the sibling of <see cref="EventTypeNames"/>, which names the
/// subjects' events). Never change a value once shipped.
/// </summary>
public static class IncidentEventTypeNames
{
    public static IReadOnlyDictionary<Type, string> All { get; } = new Dictionary<Type, string>
    {
        [typeof(IncidentReported)] = "incident_reported",
        [typeof(IncidentCorrected)] = "incident_corrected",
        [typeof(IncidentAssessmentStarted)] = "incident_assessment_started",
        [typeof(IncidentAssessed)] = "incident_assessed",
        [typeof(IncidentAssessmentFailed)] = "incident_assessment_failed",
        [typeof(IncidentAssessmentAttemptFailed)] = "incident_assessment_attempt_failed",
        [typeof(IndividualNoticesRecorded)] = "incident_individual_notices_recorded",
        [typeof(RegulatorNotified)] = "incident_regulator_notified",
        [typeof(CreditBureauNotified)] = "incident_credit_bureau_notified",
        [typeof(IncidentObligationDueSoon)] = "incident_obligation_due_soon",
        [typeof(IncidentObligationOverdue)] = "incident_obligation_overdue",
    };
}

namespace CallLoop.Domain;

/// <summary>
/// Decides which events an incident command produces, without side effects. Order of checks: input validation
/// (<see cref="InvalidCommandException"/>), the incident must exist (<see cref="IncidentNotFoundException"/>) except
/// to report it, then the use case's rules (<see cref="RuleViolationException"/>).
/// </summary>
public static class IncidentDecider
{
    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, IncidentCommand command, DateTimeOffset now, BreachPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(policy);
        now = now.ToUniversalTime();
        CommandInput.Id(command.IncidentId, "incidentId");
        if (state.IncidentId is { } known && known != command.IncidentId)
        {
            throw new InvalidCommandException("incidentId", "Field 'incidentId' does not match the incident's stream.");
        }

        var events = command switch
        {
            ReportIncident c => Run(state, c, now, ReportIncidentDecision.Validate, ReportIncidentDecision.Decide, mustExist: false),
            CorrectIncident c => Run(state, c, now, CorrectIncidentDecision.Validate, CorrectIncidentDecision.Decide),
            StartAssessment c => Run(state, c, now, StartAssessmentDecision.Validate, StartAssessmentDecision.Decide),
            RecordAssessment c => Run(state, c, now, RecordAssessmentDecision.Validate, RecordAssessmentDecision.Decide),
            RecordAssessmentFailure c => Run(state, c, now, RecordAssessmentFailureDecision.Validate, RecordAssessmentFailureDecision.Decide),
            RestartAssessment c => Run(state, c, now, RestartAssessmentDecision.Validate, RestartAssessmentDecision.Decide),
            RecordIndividualNotices c => Run(state, c, now, RecordIndividualNoticesDecision.Validate, (s, v, n) => RecordIndividualNoticesDecision.Decide(s, v, n, policy)),
            RecordRegulatorNotice c => Run(state, c, now, RecordRegulatorNoticeDecision.Validate, RecordRegulatorNoticeDecision.Decide),
            RecordCreditBureauNotice c => Run(state, c, now, RecordCreditBureauNoticeDecision.Validate, (s, v, n) => RecordCreditBureauNoticeDecision.Decide(s, v, n, policy)),
            MarkObligation c => Run(state, c, now, MarkObligationDecision.Validate, (s, v, n) => MarkObligationDecision.Decide(s, v, n, policy)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), $"Unknown command type {command.GetType().Name}."),
        };

        return events.Select(e => e with { IncidentId = command.IncidentId, OccurredAt = now }).ToArray();
    }

    private static IReadOnlyList<IncidentEvent> Run<TCommand>(
        IncidentState state,
        TCommand command,
        DateTimeOffset now,
        Func<TCommand, DateTimeOffset, TCommand> validate,
        Func<IncidentState, TCommand, DateTimeOffset, IReadOnlyList<IncidentEvent>> decide,
        bool mustExist = true)
        where TCommand : IncidentCommand
    {
        var valid = validate(command, now);
        if (mustExist && !state.IsReported)
        {
            throw new IncidentNotFoundException(command.IncidentId);
        }

        return decide(state, valid, now);
    }
}

namespace CallLoop.Domain;

internal static class MarkObligationDecision
{
    public static MarkObligation Validate(MarkObligation command, DateTimeOffset now) => command with
    {
        Jurisdiction = CommandInput.Text(command.Jurisdiction, "jurisdiction", 16),
        Obligation = CommandInput.Defined(command.Obligation, "obligation"),
    };

    /// <summary>Records the fact once, and only while the obligation is still open and its time has come.</summary>
    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, MarkObligation command, DateTimeOffset now, BreachPolicy policy)
    {
        var obligation = BreachObligations.For(state, policy, now).FirstOrDefault(o => o.Jurisdiction == command.Jurisdiction);
        if (obligation is null)
        {
            return [];
        }

        var (stateNow, dueAt) = command.Obligation switch
        {
            BreachObligationKind.Individuals => (obligation.IndividualNoticeState, obligation.IndividualNoticeDueAt),
            BreachObligationKind.CreditBureaus => (obligation.CreditBureausState, obligation.CreditBureausDueAt),
            _ => (obligation.RegulatorNoticeState, obligation.RegulatorNoticeDueAt),
        };
        var key = IncidentState.ObligationKey(command.Jurisdiction, command.Obligation);
        if (command.Overdue)
        {
            return stateNow == ObligationStates.Overdue && !state.OverdueRecorded.Contains(key)
                ? [new IncidentObligationOverdue { Jurisdiction = command.Jurisdiction, Obligation = command.Obligation, DueAt = dueAt!.Value }]
                : [];
        }

        return stateNow is ObligationStates.DueSoon or ObligationStates.Overdue && !state.DueSoonRecorded.Contains(key)
            ? [new IncidentObligationDueSoon { Jurisdiction = command.Jurisdiction, Obligation = command.Obligation, DueAt = dueAt!.Value }]
            : [];
    }
}

using CallLoop.Domain;

namespace CallLoop.Contracts.Incidents;

/// <summary>One open obligation's due date, as the deadline reminders need it.</summary>
[GenerateSerializer, Immutable, Alias("callloop.obligation-deadline")]
public sealed record ObligationDeadline
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public BreachObligationKind Obligation { get; init; }

    [Id(2)]
    public DateTimeOffset DueAt { get; init; }

    /// <summary>The incident has recorded this obligation's "due soon" fact: its reminder has nothing left to do.</summary>
    [Id(3)]
    public bool DueSoonRecorded { get; init; }

    /// <summary>The incident has recorded this obligation's "overdue" fact: its reminder has nothing left to do.</summary>
    [Id(4)]
    public bool OverdueRecorded { get; init; }

    /// <summary>The open (required, not met) obligations that have a due date, with the facts the incident has recorded.</summary>
    public static IReadOnlyList<ObligationDeadline> OpenOf(IEnumerable<JurisdictionObligation> obligations, IncidentState incident)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        ArgumentNullException.ThrowIfNull(incident);
        var open = new List<ObligationDeadline>();
        foreach (var o in obligations)
        {
            if (o.IndividualNoticeRequired && o.IndividualNoticesCompletedAt is null && o.IndividualNoticeDueAt is { } individuals)
            {
                open.Add(Deadline(incident, o.Jurisdiction, BreachObligationKind.Individuals, individuals));
            }

            if (o.RegulatorNoticeRequired && o.RegulatorNotifiedAt is null && o.RegulatorNoticeDueAt is { } regulator)
            {
                open.Add(Deadline(incident, o.Jurisdiction, BreachObligationKind.Regulator, regulator));
            }

            if (o.CreditBureausRequired && o.CreditBureausNotifiedAt is null && o.CreditBureausDueAt is { } bureaus)
            {
                open.Add(Deadline(incident, o.Jurisdiction, BreachObligationKind.CreditBureaus, bureaus));
            }
        }

        return open;
    }

    private static ObligationDeadline Deadline(IncidentState incident, string jurisdiction, BreachObligationKind obligation, DateTimeOffset dueAt)
    {
        var key = IncidentState.ObligationKey(jurisdiction, obligation);
        return new ObligationDeadline
        {
            Jurisdiction = jurisdiction,
            Obligation = obligation,
            DueAt = dueAt,
            DueSoonRecorded = incident.DueSoonRecorded.Contains(key),
            OverdueRecorded = incident.OverdueRecorded.Contains(key),
        };
    }
}

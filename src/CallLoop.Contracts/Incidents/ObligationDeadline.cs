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

    /// <summary>The open (required, not met) obligations that have a due date.</summary>
    public static IReadOnlyList<ObligationDeadline> OpenOf(IEnumerable<JurisdictionObligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        var open = new List<ObligationDeadline>();
        foreach (var o in obligations)
        {
            if (o.IndividualNoticeRequired && o.IndividualNoticesCompletedAt is null && o.IndividualNoticeDueAt is { } individuals)
            {
                open.Add(new ObligationDeadline { Jurisdiction = o.Jurisdiction, Obligation = BreachObligationKind.Individuals, DueAt = individuals });
            }

            if (o.RegulatorNoticeRequired && o.RegulatorNotifiedAt is null && o.RegulatorNoticeDueAt is { } regulator)
            {
                open.Add(new ObligationDeadline { Jurisdiction = o.Jurisdiction, Obligation = BreachObligationKind.Regulator, DueAt = regulator });
            }

            if (o.CreditBureausRequired && o.CreditBureausNotifiedAt is null && o.CreditBureausDueAt is { } bureaus)
            {
                open.Add(new ObligationDeadline { Jurisdiction = o.Jurisdiction, Obligation = BreachObligationKind.CreditBureaus, DueAt = bureaus });
            }
        }

        return open;
    }
}

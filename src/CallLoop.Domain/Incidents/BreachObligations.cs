namespace CallLoop.Domain;

/// <summary>
/// Pure: turns an assessed incident into each affected jurisdiction's obligations, by the breach law row in force
/// on the day the incident was discovered (<see cref="BreachNotificationTable"/>) and the company's <see cref="BreachPolicy"/>.
/// </summary>
public static class BreachObligations
{
    public const string Required = "required";
    public const string EncryptionSafeHarbour = "encryption-safe-harbour";
    public const string ElementsDoNotTrigger = "elements-do-not-trigger";
    public const string NoRiskOfHarm = "no-real-risk-of-significant-harm";

    public static IReadOnlyList<JurisdictionObligation> For(IncidentState state, BreachPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        if (state.Facts is not { } facts)
        {
            return [];
        }

        return state.Affected.Values
            .Where(a => a.Affected > 0)
            .OrderBy(a => a.Jurisdiction, StringComparer.Ordinal)
            .Select(a => For(state, facts, a, policy, now))
            .ToList();
    }

    public static JurisdictionObligation For(IncidentState state, IncidentFacts facts, AffectedJurisdiction affected, BreachPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(affected);
        ArgumentNullException.ThrowIfNull(policy);
        var code = affected.Jurisdiction;
        var discovered = facts.DiscoveredAt;
        var rule = RuleFor(code, discovered);

        var reason = IndividualNoticeReason(rule, facts);
        var required = reason == Required;
        var individualDue = discovered.AddDays(rule.IndividualNoticeDays ?? policy.CeilingDays);
        var sent = state.NoticesSent.GetValueOrDefault(code);
        DateTimeOffset? completed = required && sent >= affected.Notifiable ? state.LastNoticeAt.GetValueOrDefault(code, discovered) : null;
        DateTimeOffset? firstNotice = state.FirstNoticeAt.TryGetValue(code, out var first) ? first : null;

        var regulatorRequired = required && rule.Regulator is not null && rule.RegulatorTiming != RegulatorDeadline.None
            && affected.Affected >= (rule.RegulatorMinimumAffected ?? 1);
        var regulatorDue = regulatorRequired ? RegulatorDueAt(rule, discovered, individualDue, firstNotice, policy) : (DateTimeOffset?)null;
        DateTimeOffset? regulatorNotifiedAt = state.RegulatorNotices.TryGetValue(code, out var notified) ? notified.SentAt : null;

        var bureaus = required && rule.CreditBureausMinimumAffected is { } minimum && affected.Affected >= minimum;
        var bureausTold = state.CreditBureauNotices.GetValueOrDefault(code) ?? ImmutableDictionary<CreditBureau, DateTimeOffset>.Empty;
        DateTimeOffset? bureausMet = Enum.GetValues<CreditBureau>().All(bureausTold.ContainsKey) ? bureausTold.Values.Max() : null;
        DateTimeOffset? bureausDue = bureaus && rule.CreditBureausHours is { } hours ? (firstNotice ?? individualDue).AddHours(hours) : null;
        var protection = required && facts.DataElements.Any(rule.IdentityProtectionElements.Contains) ? rule.IdentityProtectionMonths : null;

        return new JurisdictionObligation
        {
            Jurisdiction = code,
            Statute = rule.Statute,
            RuleEffectiveFrom = rule.EffectiveFrom,
            Affected = affected.Affected,
            Notifiable = affected.Notifiable,
            NoticesSent = sent,
            IndividualNoticeRequired = required,
            IndividualNoticeReason = reason,
            IndividualNoticeDeadline = rule.IndividualNoticeDays is { } days ? $"{days} days" : "without delay",
            IndividualNoticeDueAt = required ? individualDue : null,
            IndividualNoticeExtensionDays = rule.IndividualNoticeExtensionDays,
            IndividualNoticesCompletedAt = completed,
            IndividualNoticeState = ObligationStates.Of(required, individualDue, completed, now, policy.DueSoonLead),
            Regulator = rule.Regulator,
            RegulatorNoticeRequired = regulatorRequired,
            RegulatorNoticeDueAt = regulatorDue,
            RegulatorNotifiedAt = regulatorNotifiedAt,
            RegulatorNoticeState = ObligationStates.Of(regulatorRequired, regulatorDue, regulatorNotifiedAt, now, policy.DueSoonLead),
            RegulatorBeforeIndividuals = rule.RegulatorBeforeIndividuals,
            IndividualNoticesAwaitRegulator = rule.RegulatorBeforeIndividuals && regulatorRequired && regulatorNotifiedAt is null,
            CreditBureausRequired = bureaus,
            CreditBureausThresholdUnverified = rule.CreditBureausThresholdUnverified,
            CreditBureausDueAt = bureausDue,
            CreditBureausNotified = [.. bureausTold.Keys.Order()],
            CreditBureausNotifiedAt = bureausMet,
            CreditBureausState = ObligationStates.Of(bureaus, bureausDue, bureausMet, now, policy.DueSoonLead),
            IdentityProtectionMonths = protection,
            RecordKeptUntil = rule.RecordMonths is { } months ? discovered.AddMonths(months) : null,
            Notes = rule.Notes,
        };
    }

    /// <summary>The row for a jurisdiction code; codes without a row (e.g. "unknown") are treated as other US states.</summary>
    public static BreachNotificationRule RuleFor(string code, DateTimeOffset discovered)
    {
        var day = DateOnly.FromDateTime(discovered.UtcDateTime);
        return BreachNotificationTable.TryGet(code, day, out var rule) ? rule : BreachNotificationTable.Get(BreachNotificationTable.OtherUsStates, day);
    }

    public static string IndividualNoticeReason(BreachNotificationRule rule, IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.EncryptionSafeHarbour)
        {
            return EncryptionSafeHarbour;
        }

        if (!rule.IsTriggeredBy(facts.DataElements))
        {
            return ElementsDoNotTrigger;
        }

        return rule.NoticeOnlyOnRiskOfHarm && !facts.RealRiskOfSignificantHarm ? NoRiskOfHarm : Required;
    }

    private static DateTimeOffset RegulatorDueAt(
        BreachNotificationRule rule, DateTimeOffset discovered, DateTimeOffset individualDue, DateTimeOffset? firstNotice, BreachPolicy policy) =>
        rule.RegulatorTiming switch
        {
            RegulatorDeadline.DaysAfterDiscovery => discovered.AddDays(rule.RegulatorDays ?? policy.CeilingDays),
            RegulatorDeadline.DaysAfterIndividualNotice => (firstNotice ?? individualDue).AddDays(rule.RegulatorDays ?? 0),
            RegulatorDeadline.BusinessDaysAfterIndividualNotice => AddBusinessDays(firstNotice ?? individualDue, rule.RegulatorDays ?? 0),
            RegulatorDeadline.NoLaterThanIndividuals or RegulatorDeadline.BeforeIndividuals => firstNotice is { } at && at < individualDue ? at : individualDue,
            _ => discovered.AddDays(policy.CeilingDays),
        };

    private static DateTimeOffset AddBusinessDays(DateTimeOffset from, int days)
    {
        var at = from;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return at;
    }
}

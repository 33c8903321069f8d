namespace CallLoop.Domain;

/// <summary>One dated row of the breach-notification table: what a jurisdiction's law requires after a breach.</summary>
/// <param name="Code">US state code, <see cref="BreachNotificationTable.OtherUsStates"/>, CAN or QC.</param>
/// <param name="Statute">The law.</param>
/// <param name="EffectiveFrom">First discovery date the row applies to (<see cref="DateOnly.MinValue"/>: since before we kept records).</param>
/// <param name="IndividualNoticeDays">Calendar days from discovery to notify people; null is "without delay" (the company ceiling applies).</param>
/// <param name="IndividualNoticeExtensionDays">Extra days the law allows for good cause (FL: 15).</param>
/// <param name="NameTriggers">Elements that trigger notice together with a person's name.</param>
/// <param name="StandaloneTriggers">Elements that trigger notice on their own.</param>
/// <param name="NoticeOnlyOnRiskOfHarm">Notice only where there is a real risk of significant harm (CAN, QC).</param>
/// <param name="Regulator">Who is told, or null where nobody is.</param>
/// <param name="RegulatorMinimumAffected">Residents affected from which the regulator is told (">500" is 501, "≥500" is 500, any is 1).</param>
/// <param name="RegulatorTiming">How the regulator's notice is timed.</param>
/// <param name="RegulatorDays">The days of <paramref name="RegulatorTiming"/>, where it counts days.</param>
/// <param name="CreditBureausMinimumAffected">Residents affected from which the consumer reporting agencies are told; null where the law names none. Where the source marks the threshold "(verify)", the table's most common one (more than 1,000), flagged <see cref="BreachNotificationRule.CreditBureausThresholdUnverified"/>.</param>
/// <param name="CreditBureausHours">Hours after the individual notice the agencies must have theirs (MN: 48).</param>
/// <param name="RecordMonths">Months every incident's record must be kept, harmful or not (CAN: 24).</param>
/// <param name="IdentityProtectionMonths">Months of identity-theft protection or credit monitoring to offer when <paramref name="IdentityProtectionElements"/> were exposed.</param>
/// <param name="IdentityProtectionElements">Elements whose exposure obliges that offer.</param>
/// <param name="NoticeTitle">A title the notice must carry (CA: "Notice of Data Breach"), or null.</param>
/// <param name="NoticeHeadings">Headings the notice must use, in order, or null for the plain three elements.</param>
/// <param name="NoticeOmitsResidentCount">The notice must not state how many residents were affected (IL).</param>
/// <param name="Notes">What the row still asks a lawyer to verify, and remarks.</param>
public sealed record BreachNotificationRule(
    string Code,
    string Statute,
    DateOnly EffectiveFrom,
    int? IndividualNoticeDays,
    int IndividualNoticeExtensionDays,
    IReadOnlySet<BreachDataElement> NameTriggers,
    IReadOnlySet<BreachDataElement> StandaloneTriggers,
    bool NoticeOnlyOnRiskOfHarm,
    string? Regulator,
    int? RegulatorMinimumAffected,
    RegulatorDeadline RegulatorTiming,
    int? RegulatorDays,
    int? CreditBureausMinimumAffected,
    int? CreditBureausHours,
    int? RecordMonths,
    int? IdentityProtectionMonths,
    IReadOnlySet<BreachDataElement> IdentityProtectionElements,
    string? NoticeTitle,
    IReadOnlyList<string>? NoticeHeadings,
    bool NoticeOmitsResidentCount,
    string? Notes)
{
    /// <summary>
    /// The credit-bureau threshold is the conservative stand-in for a value not verified against the statute: the
    /// bureaus are told rather than an obligation missed; the view says so (creditBureausThresholdUnverified).
    /// </summary>
    public bool CreditBureausThresholdUnverified { get; init; }

    public bool IndividualNoticeWithoutDelay => IndividualNoticeDays is null;

    public bool RegulatorBeforeIndividuals => RegulatorTiming == RegulatorDeadline.BeforeIndividuals;

    /// <summary>Whether exposing <paramref name="elements"/> meets this law's trigger.</summary>
    public bool IsTriggeredBy(IReadOnlyCollection<BreachDataElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return elements.Any(StandaloneTriggers.Contains)
            || (elements.Contains(BreachDataElement.Name) && elements.Any(NameTriggers.Contains));
    }
}

namespace CallLoop.Domain;

/// <summary>One row of the law table: what a jurisdiction requires of us.</summary>
/// <param name="Code">US state code or CAN.</param>
/// <param name="LawName">The statute, or the company policy where there is none.</param>
/// <param name="RespondDays">Calendar days from receipt to answer a request.</param>
/// <param name="ExtensionDays">The one extension allowed, in calendar days.</param>
/// <param name="AppealAnswerDays">Days to answer an appeal; null where the law gives no appeal.</param>
/// <param name="ComplaintAuthority">Where a requester may complain once an appeal (or request) is refused.</param>
/// <param name="GpcRequiredFrom">Date the law obliges us to honour GPC; null where it does not (we honour it anyway).</param>
/// <param name="ConfirmationBusinessDays">Business days to confirm receipt of know/delete/correct requests, where required.</param>
/// <param name="OptOutBusinessDays">Business days to act on opt-out-of-sale/sharing and limit requests, where required.</param>
/// <param name="RightsNotOffered">Request types the law does not give.</param>
/// <param name="OptOutCoversSaleOnly">The statutory opt-out covers sale only (we still honour sharing opt-outs).</param>
/// <param name="SensitiveDataNeedsConsent">Sensitive personal information may be processed only with opt-in consent.</param>
public sealed record JurisdictionRule(
    string Code,
    string LawName,
    int RespondDays,
    int ExtensionDays,
    int? AppealAnswerDays,
    string ComplaintAuthority,
    DateOnly? GpcRequiredFrom,
    int? ConfirmationBusinessDays,
    int? OptOutBusinessDays,
    IReadOnlySet<RightsRequestType> RightsNotOffered,
    bool OptOutCoversSaleOnly,
    bool SensitiveDataNeedsConsent)
{
    public bool HasAppealRight => AppealAnswerDays is not null;

    public bool Offers(RightsRequestType type) => !RightsNotOffered.Contains(type);
}

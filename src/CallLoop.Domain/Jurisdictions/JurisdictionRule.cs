namespace CallLoop.Domain;

/// <summary>One row of the law table: what a jurisdiction requires of us from <see cref="EffectiveFrom"/> on.</summary>
/// <param name="Code">USPS state or territory code, or CAN.</param>
/// <param name="LawName">The statute, or the company policy where there is none.</param>
/// <param name="RespondDays">Calendar days from receipt to answer a request.</param>
/// <param name="ExtensionDays">The one extension allowed, in calendar days.</param>
/// <param name="AppealAnswerDays">Days to answer an appeal; null where the law gives no appeal.</param>
/// <param name="ComplaintAuthority">Where a requester may complain once an appeal (or request) is refused.</param>
/// <param name="GpcRequiredFrom">Date the law obliges us to honour GPC; null where it does not (we honour it anyway).</param>
/// <param name="ConfirmationBusinessDays">Business days to confirm receipt of know/delete/correct requests, where required.</param>
/// <param name="OptOutBusinessDays">Business days to act on opt-out-of-sale/sharing and limit requests, where required.</param>
/// <param name="RightsNotOffered">Request types the law does not give.</param>
/// <param name="OptOutCoversSaleOnly">The statutory opt-out covers sale only (we still honour the whole opt-out).</param>
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
    /// <summary>The first day (by the request's receipt date, UTC) this row applies; earlier rows apply before it.</summary>
    public DateOnly EffectiveFrom { get; init; } = DateOnly.MinValue;

    /// <summary>No statute applies: the company policy offers the rights.</summary>
    public bool CompanyPolicy { get; init; }

    /// <summary>Calendar days to act on opt-out and limit requests, where the law sets a shorter period (NJ: 15).</summary>
    public int? OptOutCalendarDays { get; init; }

    /// <summary>Extra days to answer an appeal, with notice to the requester (CO, MN: 60); null where none.</summary>
    public int? AppealExtensionDays { get; init; }

    /// <summary>Sensitive data only where strictly necessary and never sold (MD), whatever the consent.</summary>
    public bool SensitiveOnlyWhenStrictlyNecessary { get; init; }

    /// <summary>Days to answer a Shine the Light request (CA: 30); null where the law gives no such right.</summary>
    public int? ShineTheLightDays { get; init; }

    /// <summary>Why the row reads as it does (dated change, verify marks).</summary>
    public string Notes { get; init; } = string.Empty;

    public bool HasAppealRight => AppealAnswerDays is not null;

    public bool Offers(RightsRequestType type) =>
        type == RightsRequestType.ShineTheLight ? ShineTheLightDays is not null : !RightsNotOffered.Contains(type);
}

namespace CallLoop.Domain;

/// <summary>
/// The free text of events and state: evidence, reasons and explanations that staff type, and into which they write
/// names and emails. Each is treated as a personal value of the subject (<see cref="PersonalValues"/> visits them after
/// the personal values): sealed with the subject's identifiers key in storage, withheld from unaudited reads, and
/// destroyed and masked with the identifiers at erasure (a legal hold on identifiers keeps it).
/// </summary>
/// <remarks>
/// Left in clear on purpose: legal hold reasons (the record of why data outlives an erasure, kept in
/// <see cref="PersonalDataErased"/>), codes (denial and deactivation reasons, an opt-out's text classification,
/// channels, notice versions), the source description of a collection (reported by source) and system text (webhook
/// failures).
/// </remarks>
public static class FreeText
{
    /// <summary>Names and emails are identifiers (category A): free text is sealed and erased with them.</summary>
    public const PersonalInformationCategory Category = PersonalInformationCategory.Identifiers;

    public const string ConsentEvidenceField = "consent.evidence";
    public const string WithdrawalEvidenceField = "consent.withdrawalEvidence";
    public const string ExtensionReasonField = "request.extensionReason";
    public const string ExplanationField = "request.explanation";
    public const string PendingExplanationField = "request.pendingExplanation";
    public const string VerificationFailureField = "request.verificationFailureReason";
    public const string AppealReasonField = "appeal.reason";
    public const string AppealExplanationField = "appeal.explanation";
    public const string AppealExtensionReasonField = "appeal.extensionReason";
    public const string RestrictionReasonField = "restriction.reason";
    public const string RestrictionLiftReasonField = "restriction.liftReason";
    public const string WaiverReasonField = "delivery.waiverReason";
    public const string RedeliveryReasonField = "delivery.redeliveryReason";
    public const string MinorEvidenceField = "minor.evidence";

    /// <summary>Event types that carry free text.</summary>
    public static IReadOnlySet<Type> CarryingTypes { get; } = new HashSet<Type>
    {
        typeof(ConsentGranted),
        typeof(ConsentWithdrawn),
        typeof(RightsRequestExtended),
        typeof(RightsRequestCompleted),
        typeof(RightsRequestAwaitingProcessors),
        typeof(IdentityVerificationFailed),
        typeof(AppealFiled),
        typeof(AppealDecided),
        typeof(AppealExtended),
        typeof(ProcessingRestricted),
        typeof(ProcessingRestrictionLifted),
        typeof(ProcessorDeliveryWaived),
        typeof(WebhookRedeliveryRequested),
        typeof(MinorDetected),
    };

    /// <summary>
    /// <paramref name="e"/> with each free text replaced by <paramref name="map"/>'s answer (null: absent): a copy when
    /// an answer differs, else <paramref name="e"/> itself (most events carry no free text, and a command's events are
    /// visited on every append).
    /// </summary>
    public static SubjectEvent Map(SubjectEvent e, Func<PersonalValue, string?> map)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(map);
        return e switch
        {
            ConsentGranted granted => Changed(granted, granted.Evidence, Optional(granted.Evidence, ConsentEvidenceField, map), static (x, v) => x with { Evidence = v }),
            ConsentWithdrawn withdrawn => Changed(withdrawn, withdrawn.Evidence, Optional(withdrawn.Evidence, WithdrawalEvidenceField, map), static (x, v) => x with { Evidence = v }),
            RightsRequestExtended extended => Changed(extended, extended.Reason, Required(extended.Reason, ExtensionReasonField, map), static (x, v) => x with { Reason = v! }),
            RightsRequestCompleted completed => Changed(completed, completed.Explanation, Optional(completed.Explanation, ExplanationField, map), static (x, v) => x with { Explanation = v }),
            RightsRequestAwaitingProcessors awaiting => Changed(awaiting, awaiting.Explanation, Optional(awaiting.Explanation, PendingExplanationField, map), static (x, v) => x with { Explanation = v }),
            IdentityVerificationFailed failed => Changed(failed, failed.Reason, Optional(failed.Reason, VerificationFailureField, map), static (x, v) => x with { Reason = v }),
            AppealFiled filed => Changed(filed, filed.Reason, Optional(filed.Reason, AppealReasonField, map), static (x, v) => x with { Reason = v }),
            AppealDecided decided => Changed(decided, decided.Explanation, Required(decided.Explanation, AppealExplanationField, map), static (x, v) => x with { Explanation = v! }),
            AppealExtended extended => Changed(extended, extended.Reason, Required(extended.Reason, AppealExtensionReasonField, map), static (x, v) => x with { Reason = v! }),
            ProcessingRestricted restricted => Changed(restricted, restricted.Reason, Optional(restricted.Reason, RestrictionReasonField, map), static (x, v) => x with { Reason = v }),
            ProcessingRestrictionLifted lifted => Changed(lifted, lifted.Reason, Optional(lifted.Reason, RestrictionLiftReasonField, map), static (x, v) => x with { Reason = v }),
            ProcessorDeliveryWaived waived => Changed(waived, waived.Reason, Required(waived.Reason, WaiverReasonField, map), static (x, v) => x with { Reason = v! }),
            WebhookRedeliveryRequested redelivery => Changed(redelivery, redelivery.Reason, Optional(redelivery.Reason, RedeliveryReasonField, map), static (x, v) => x with { Reason = v }),
            MinorDetected minor => Changed(minor, minor.Evidence, Optional(minor.Evidence, MinorEvidenceField, map), static (x, v) => x with { Evidence = v }),
            _ => e,
        };
    }

    /// <summary>A copy of <paramref name="state"/> with each free text (consents, requests, deliveries) replaced by <paramref name="map"/>'s answer.</summary>
    public static SubjectState Map(SubjectState state, Func<PersonalValue, string?> map)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(map);
        var consents = state.Consents
            .OrderBy(c => c.Key)
            .Select(c => Map(c.Value, map))
            .ToImmutableDictionary(c => c.Purpose);
        var requests = state.Requests
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => Map(r.Value, map))
            .ToImmutableDictionary(r => r.RequestId, StringComparer.Ordinal);
        var deliveries = state.Propagation.Deliveries
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => d.Value with { WaiverReason = Optional(d.Value.WaiverReason, WaiverReasonField, map) })
            .ToImmutableDictionary(d => d.DeliveryId, StringComparer.Ordinal);
        return state with { Consents = consents, Requests = requests, Propagation = state.Propagation with { Deliveries = deliveries } };
    }

    /// <summary>
    /// <paramref name="consent"/> with each free text (the evidence of the grant and of the withdrawal) replaced by
    /// <paramref name="map"/>'s answer: a copy when an answer differs, else <paramref name="consent"/> itself.
    /// </summary>
    public static ConsentRecord Map(ConsentRecord consent, Func<PersonalValue, string?> map)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(map);
        var evidence = Optional(consent.Evidence, ConsentEvidenceField, map);
        var withdrawalEvidence = Optional(consent.WithdrawalEvidence, WithdrawalEvidenceField, map);
        return ReferenceEquals(evidence, consent.Evidence) && ReferenceEquals(withdrawalEvidence, consent.WithdrawalEvidence)
            ? consent
            : consent with { Evidence = evidence, WithdrawalEvidence = withdrawalEvidence };
    }

    /// <summary>A copy of <paramref name="request"/> with each free text replaced by <paramref name="map"/>'s answer.</summary>
    public static RightsRequest Map(RightsRequest request, Func<PersonalValue, string?> map)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(map);
        return request with
        {
            ExtensionReason = Optional(request.ExtensionReason, ExtensionReasonField, map),
            Explanation = Optional(request.Explanation, ExplanationField, map),
            PendingExplanation = Optional(request.PendingExplanation, PendingExplanationField, map),
            AppealExplanation = Optional(request.AppealExplanation, AppealExplanationField, map),
            AppealExtensionReason = Optional(request.AppealExtensionReason, AppealExtensionReasonField, map),
            ProcessorsWaived = [.. request.ProcessorsWaived.Select(w => w with { Reason = Required(w.Reason, WaiverReasonField, map) })],
        };
    }

    /// <summary>The state without its free text: what an unaudited read may show.</summary>
    public static SubjectState Withhold(SubjectState state) => Map(state, _ => null);

    /// <summary>The consent without its free text.</summary>
    public static ConsentRecord Withhold(ConsentRecord consent) => Map(consent, _ => null);

    /// <summary>The request without its free text.</summary>
    public static RightsRequest Withhold(RightsRequest request) => Map(request, _ => null);

    private static string? Optional(string? value, string field, Func<PersonalValue, string?> map) =>
        string.IsNullOrEmpty(value) ? value : map(new PersonalValue(Category, field, value));

    private static string Required(string value, string field, Func<PersonalValue, string?> map) =>
        Optional(value, field, map) ?? string.Empty;

    /// <summary><paramref name="e"/> itself when a mapped value is the same string as before, else a copy with the new one.</summary>
    internal static T Changed<T>(T e, string? before, string? after, Func<T, string?, T> with)
        where T : SubjectEvent =>
        ReferenceEquals(before, after) ? e : with(e, after);
}

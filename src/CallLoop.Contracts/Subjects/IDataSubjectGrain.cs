using CallLoop.Domain;
using Orleans.Concurrency;

namespace CallLoop.Contracts.Subjects;

/// <summary>
/// One data subject (key: the subject id). Every command returns only after its events are committed to the
/// subject's stream; it may leave <see cref="SubjectCommand.SubjectId"/> empty (the grain's key is used).
/// Errors are typed and append nothing: <see cref="InvalidCommandException"/> (naming the field),
/// <see cref="RuleViolationException"/> (naming the rule), <see cref="SubjectNotFoundException"/>,
/// <see cref="RequestNotFoundException"/>, <see cref="SubjectAlreadyRegisteredException"/> and
/// <see cref="ConcurrencyConflictException"/> (retry). A retried command with the same idempotency key or
/// request id appends nothing and answers as before. <c>actor</c> names who acted; it is recorded on the events.
/// </summary>
public interface IDataSubjectGrain : IGrainWithStringKey
{
    Task<SubjectProfile> RegisterAsync(RegisterSubject command, string? actor = null);

    Task<SubjectProfile> ChangeResidencyAsync(ChangeResidency command, string? actor = null);

    Task<SubjectProfile> CollectAsync(CollectPersonalInformation command, string? actor = null);

    Task<SubjectProfile> GrantConsentAsync(GrantConsent command, string? actor = null);

    Task<SubjectProfile> WithdrawConsentAsync(WithdrawConsent command, string? actor = null);

    Task<SubjectProfile> OptOutAsync(OptOut command, string? actor = null);

    Task<SubjectProfile> OptBackInAsync(OptBackIn command, string? actor = null);

    Task<SubjectProfile> ReceiveGpcSignalAsync(ReceiveGpcSignal command, string? actor = null);

    Task<SubjectProfile> ReceiveSmsKeywordAsync(ReceiveSmsKeyword command, string? actor = null);

    Task<RightsRequestView> ReceiveRequestAsync(ReceiveRightsRequest command, string? actor = null);

    Task<RightsRequestView> ConfirmReceiptAsync(ConfirmReceipt command, string? actor = null);

    Task<RightsRequestView> VerifyIdentityAsync(VerifyIdentity command, string? actor = null);

    Task<RightsRequestView> FailVerificationAsync(FailVerification command, string? actor = null);

    Task<RightsRequestView> ExtendRequestAsync(ExtendRequest command, string? actor = null);

    Task<RightsRequestView> CompleteRequestAsync(CompleteRequest command, string? actor = null);

    Task<RightsRequestView> FileAppealAsync(FileAppeal command, string? actor = null);

    Task<RightsRequestView> DecideAppealAsync(DecideAppeal command, string? actor = null);

    Task<RightsRequestView> ExtendAppealAsync(ExtendAppeal command, string? actor = null);

    Task<SubjectProfile> DiscloseAsync(DiscloseInformation command, string? actor = null);

    Task<SubjectProfile> CorrectAsync(CorrectInformation command, string? actor = null);

    Task<SubjectProfile> RestrictProcessingAsync(RestrictProcessing command, string? actor = null);

    Task<SubjectProfile> LiftRestrictionAsync(LiftRestriction command, string? actor = null);

    Task<SubjectProfile> PlaceLegalHoldAsync(PlaceLegalHold command, string? actor = null);

    Task<SubjectProfile> ReleaseLegalHoldAsync(ReleaseLegalHold command, string? actor = null);

    Task<SubjectProfile> DetectMinorAsync(DetectMinor command, string? actor = null);

    Task<SubjectProfile> DeactivateAccountAsync(DeactivateAccount command, string? actor = null);

    /// <summary>
    /// Erases the categories whose retention period has ended since the account ended (legal holds kept), as the
    /// retention reminder does; answers what was erased and when retention is next due.
    /// </summary>
    Task<RetentionReview> ApplyRetentionAsync(ApplyRetention command, string? actor = null);

    /// <summary>
    /// Any command, for tools that replay or generate commands of mixed types (seeding, benchmarks).
    /// Services should prefer the typed methods above.
    /// </summary>
    Task<SubjectProfile> ExecuteAsync(SubjectCommand command, string? actor = null);

    /// <summary>The profile with personal values and free text (<see cref="FreeText"/>) withheld (<see cref="SubjectProfile.ValuesWithheld"/>); writes nothing.</summary>
    [ReadOnly]
    Task<SubjectProfile> GetProfileAsync();

    /// <summary>The stream's events with personal values and free text withheld (<see cref="PersonalValues.Withhold"/>); writes nothing.</summary>
    Task<IReadOnlyList<SubjectHistoryEntry>> GetHistoryAsync();

    /// <summary>
    /// Audited read: records <paramref name="access"/> (a <see cref="PersonalDataAccessed"/> event) and, once it is
    /// committed, answers the profile with its personal values. A read that cannot be recorded answers nothing.
    /// </summary>
    Task<SubjectProfile> ReadPersonalDataAsync(PersonalDataAccess access);

    /// <summary>Audited read of the stream with its values (the read audit itself is left out: see <see cref="GetAuditTrailAsync"/>).</summary>
    Task<IReadOnlyList<SubjectHistoryEntry>> ReadHistoryAsync(PersonalDataAccess access);

    /// <summary>
    /// Records an access whose values are served from elsewhere (the read side: exports, access reports); the caller
    /// hands values out only after this returns.
    /// </summary>
    Task RecordPersonalDataAccessAsync(PersonalDataAccess access, AccessedView view);

    /// <summary>
    /// Audited read of the whole folded state with its personal values, for answers built outside the grain (the access
    /// report, the export): records <paramref name="access"/> as a read of <paramref name="view"/> and, once that is
    /// committed, answers the state as of every command acknowledged before it. Never-disclosed fields are in it: the
    /// caller withholds them. A read that cannot be recorded answers nothing.
    /// </summary>
    Task<SubjectState> ReadStateAsync(PersonalDataAccess access, AccessedView view);

    /// <summary>The subject's webhook deliveries to processors, oldest source event first, waiver reasons withheld (free text); writes nothing.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DeliveryRecord>> GetDeliveriesAsync();

    /// <summary>Every recorded read of the subject's personal values, oldest first.</summary>
    Task<IReadOnlyList<AccessRecord>> GetAuditTrailAsync();

    /// <summary>
    /// Whether a message of <paramref name="kind"/> may be sent on <paramref name="channel"/> at <paramref name="at"/> (default now),
    /// with the reason; marketing texts also check quiet hours and the frequency limit on <paramref name="topic"/>.
    /// </summary>
    [ReadOnly]
    Task<ContactDecision> CanContactAsync(ContactChannel channel, MessageKind kind, DateTimeOffset? at = null, string? topic = null);

    /// <summary>Records a message a sending system sent (no body); marketing texts count toward frequency limits.</summary>
    Task<SubjectProfile> RecordMessageSentAsync(RecordMessageSent command, string? actor = null);

    /// <summary>
    /// Requests that still owe the requester an answer (unanswered, or appealed and undecided), oldest first. Here and
    /// in every request view (command answers too) reasons and explanations are withheld: free text, read through
    /// <see cref="ReadPersonalDataAsync"/>.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<RightsRequestView>> GetOpenRequestsAsync();

    /// <summary>Every request, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<RightsRequestView>> GetRequestsAsync();

    [ReadOnly]
    Task<RightsRequestView> GetRequestAsync(string requestId);

    /// <summary>The events of one request in order: what happened, when, and who did it (no personal values).</summary>
    [ReadOnly]
    Task<IReadOnlyList<RequestTimelineStep>> GetRequestTimelineAsync(string requestId);
}

namespace CallLoop.Domain;

/// <summary>
/// Decides which events a command produces, without side effects. Order of checks: input validation
/// (<see cref="InvalidCommandException"/>), used idempotency key (no events for a retry of the same command by the same
/// caller, <see cref="IdempotencyKeyReusedException"/> for anything else), registration
/// (<see cref="SubjectNotFoundException"/>), then the use case's rules (<see cref="RuleViolationException"/>).
/// </summary>
public static class SubjectDecider
{
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, DateTimeOffset now) =>
        Decide(state, command, now, caller: null);

    /// <param name="caller">Who sends the command (the actor recorded on the events); an idempotency key is bound to it.</param>
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, DateTimeOffset now, string? caller) =>
        Decide(state, command, now, caller, SubjectPolicy.Default);

    /// <param name="policy">How the deployment is configured to decide (deletes waiting for processors, reopened requests' days, the business time zone).</param>
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, DateTimeOffset now, string? caller, SubjectPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        now = now.ToUniversalTime();

        CommandInput.Id(command.SubjectId, "subjectId");
        CommandInput.OptionalText(command.IdempotencyKey, "idempotencyKey");
        if (state.SubjectId is { } known && known != command.SubjectId)
        {
            throw new InvalidCommandException("subjectId", "Field 'subjectId' does not match the subject's stream.");
        }

        var events = command switch
        {
            RegisterSubject c => Run(state, c, now, caller, RegisterSubjectDecision.Validate, RegisterSubjectDecision.Decide, mustBeRegistered: false),
            ChangeResidency c => Run(state, c, now, caller, ChangeResidencyDecision.Validate, ChangeResidencyDecision.Decide),
            CollectPersonalInformation c => Run(state, c, now, caller, CollectPersonalInformationDecision.Validate, CollectPersonalInformationDecision.Decide),
            GrantConsent c => Run(state, c, now, caller, GrantConsentDecision.Validate, GrantConsentDecision.Decide),
            WithdrawConsent c => Run(state, c, now, caller, WithdrawConsentDecision.Validate, WithdrawConsentDecision.Decide),
            OptOut c => Run(state, c, now, caller, OptOutDecision.Validate, OptOutDecision.Decide),
            OptBackIn c => Run(state, c, now, caller, OptBackInDecision.Validate, OptBackInDecision.Decide),

            // A signal or text from an unknown person is still honoured: the opt-out waits for their registration.
            ReceiveGpcSignal c => Run(state, c, now, caller, ReceiveGpcSignalDecision.Validate, ReceiveGpcSignalDecision.Decide, mustBeRegistered: false),
            ReceiveSmsKeyword c => Run(state, c, now, caller, ReceiveSmsKeywordDecision.Validate, ReceiveSmsKeywordDecision.Decide, mustBeRegistered: false),
            // Requests from people who are not registered subjects are recorded too (record-keeping), under the jurisdiction they give.
            ReceiveRightsRequest c => Run(state, c, now, caller, ReceiveRightsRequestDecision.Validate, (s, v, n) => ReceiveRightsRequestDecision.Decide(s, v, n, policy), mustBeRegistered: false),
            ConfirmReceipt c => Run(state, c, now, caller, ConfirmReceiptDecision.Validate, ConfirmReceiptDecision.Decide, mustBeRegistered: false),
            VerifyIdentity c => Run(state, c, now, caller, VerifyIdentityDecision.Validate, VerifyIdentityDecision.Decide, mustBeRegistered: false),
            FailVerification c => Run(state, c, now, caller, FailVerificationDecision.Validate, FailVerificationDecision.Decide, mustBeRegistered: false),
            ExtendRequest c => Run(state, c, now, caller, ExtendRequestDecision.Validate, ExtendRequestDecision.Decide, mustBeRegistered: false),
            CompleteRequest c => Run(state, c, now, caller, CompleteRequestDecision.Validate, (s, v, n) => CompleteRequestDecision.Decide(s, v, n, policy), mustBeRegistered: false),
            FileAppeal c => Run(state, c, now, caller, FileAppealDecision.Validate, FileAppealDecision.Decide, mustBeRegistered: false),
            DecideAppeal c => Run(state, c, now, caller, DecideAppealDecision.Validate, (s, v, n) => DecideAppealDecision.Decide(s, v, n, policy), mustBeRegistered: false),
            ExtendAppeal c => Run(state, c, now, caller, ExtendAppealDecision.Validate, ExtendAppealDecision.Decide, mustBeRegistered: false),
            DiscloseInformation c => Run(state, c, now, caller, DiscloseInformationDecision.Validate, DiscloseInformationDecision.Decide),
            CorrectInformation c => Run(state, c, now, caller, CorrectInformationDecision.Validate, CorrectInformationDecision.Decide),
            RestrictProcessing c => Run(state, c, now, caller, RestrictProcessingDecision.Validate, RestrictProcessingDecision.Decide),
            LiftRestriction c => Run(state, c, now, caller, LiftRestrictionDecision.Validate, LiftRestrictionDecision.Decide),
            PlaceLegalHold c => Run(state, c, now, caller, PlaceLegalHoldDecision.Validate, PlaceLegalHoldDecision.Decide),
            ReleaseLegalHold c => Run(state, c, now, caller, ReleaseLegalHoldDecision.Validate, ReleaseLegalHoldDecision.Decide),
            DetectMinor c => Run(state, c, now, caller, DetectMinorDecision.Validate, DetectMinorDecision.Decide),
            DeactivateAccount c => Run(state, c, now, caller, DeactivateAccountDecision.Validate, DeactivateAccountDecision.Decide),
            MarkRequestDueSoon c => Run(state, c, now, caller, MarkRequestDueSoonDecision.Validate, MarkRequestDueSoonDecision.Decide),
            MarkRequestOverdue c => Run(state, c, now, caller, MarkRequestOverdueDecision.Validate, MarkRequestOverdueDecision.Decide),

            // Propagation to processors: a GPC opt-out may precede registration, so planning does not require it.
            PlanPropagation c => Run(state, c, now, caller, PlanPropagationDecision.Validate, PlanPropagationDecision.Decide, mustBeRegistered: false),
            RecordDeliveryAttempt c => Run(state, c, now, caller, RecordDeliveryAttemptDecision.Validate, RecordDeliveryAttemptDecision.Decide, mustBeRegistered: false),
            AcknowledgeDelivery c => Run(state, c, now, caller, AcknowledgeDeliveryDecision.Validate, AcknowledgeDeliveryDecision.Decide, mustBeRegistered: false),
            RedeliverWebhook c => Run(state, c, now, caller, RedeliverWebhookDecision.Validate, RedeliverWebhookDecision.Decide, mustBeRegistered: false),
            WaiveDelivery c => Run(state, c, now, caller, WaiveDeliveryDecision.Validate, WaiveDeliveryDecision.Decide, mustBeRegistered: false),
            RecordPersonalDataAccess c => Run(state, c, now, caller, RecordPersonalDataAccessDecision.Validate, RecordPersonalDataAccessDecision.Decide),
            RecordMessageSent c => Run(state, c, now, caller, RecordMessageSentDecision.Validate, RecordMessageSentDecision.Decide),
            ApplyRetention c => Run(state, c, now, caller, ApplyRetentionDecision.Validate, ApplyRetentionDecision.Decide, mustBeRegistered: false),
            RecordBreachNotice c => Run(state, c, now, caller, RecordBreachNoticeDecision.Validate, RecordBreachNoticeDecision.Decide),
            _ => throw new ArgumentOutOfRangeException(nameof(command), $"Unknown command type {command.GetType().Name}."),
        };

        if (events.Count == 0)
        {
            return [];
        }

        var fingerprint = command.IdempotencyKey is null ? null : IdempotencyFingerprint.Of(command, caller);
        return events.Select(e => e with { SubjectId = command.SubjectId, OccurredAt = now, IdempotencyKey = command.IdempotencyKey, IdempotencyFingerprint = fingerprint }).ToArray();
    }

    private static IReadOnlyList<SubjectEvent> Run<TCommand>(
        SubjectState state,
        TCommand command,
        DateTimeOffset now,
        string? caller,
        Func<TCommand, DateTimeOffset, TCommand> validate,
        Func<SubjectState, TCommand, DateTimeOffset, IReadOnlyList<SubjectEvent>> decide,
        bool mustBeRegistered = true)
        where TCommand : SubjectCommand
    {
        var valid = validate(command, now);
        if (valid.IdempotencyKey is { } key && state.IdempotencyKeys.Contains(key))
        {
            return !state.IdempotencyFingerprints.TryGetValue(key, out var bound) || bound == IdempotencyFingerprint.Of(command, caller)
                ? []
                : throw new IdempotencyKeyReusedException(command.SubjectId);
        }

        if (mustBeRegistered && !state.IsRegistered)
        {
            throw new SubjectNotFoundException(command.SubjectId);
        }

        return decide(state, valid, now);
    }
}

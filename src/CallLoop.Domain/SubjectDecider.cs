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
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, DateTimeOffset now, string? caller, SubjectPolicy policy) =>
        Decide(state, command, now, caller, policy, fingerprint: null);

    /// <param name="fingerprint">
    /// The command's keyed <see cref="IdempotencyFingerprint"/>, computed by whoever holds the subject's keys: under the
    /// data key a used idempotency key's fingerprint names, else under the current one; null when that key is
    /// destroyed (then only the command type and caller are compared). Without one, a new key is recorded unbound, as
    /// keys were before binding; the subject's grain always gives one.
    /// </param>
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, DateTimeOffset now, string? caller, SubjectPolicy policy, string? fingerprint)
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
            RegisterSubject c => Run(state, c, now, caller, policy, fingerprint, RegisterSubjectDecision.Validate, RegisterSubjectDecision.Decide, mustBeRegistered: false),
            ChangeResidency c => Run(state, c, now, caller, policy, fingerprint, ChangeResidencyDecision.Validate, ChangeResidencyDecision.Decide),
            CollectPersonalInformation c => Run(state, c, now, caller, policy, fingerprint, CollectPersonalInformationDecision.Validate, CollectPersonalInformationDecision.Decide),
            GrantConsent c => Run(state, c, now, caller, policy, fingerprint, GrantConsentDecision.Validate, GrantConsentDecision.Decide),
            WithdrawConsent c => Run(state, c, now, caller, policy, fingerprint, WithdrawConsentDecision.Validate, WithdrawConsentDecision.Decide),
            OptOut c => Run(state, c, now, caller, policy, fingerprint, OptOutDecision.Validate, OptOutDecision.Decide),
            OptBackIn c => Run(state, c, now, caller, policy, fingerprint, OptBackInDecision.Validate, OptBackInDecision.Decide),

            // A signal or text from an unknown person is still honoured: the opt-out waits for their registration.
            ReceiveGpcSignal c => Run(state, c, now, caller, policy, fingerprint, ReceiveGpcSignalDecision.Validate, ReceiveGpcSignalDecision.Decide, mustBeRegistered: false),
            ReceiveSmsKeyword c => Run(state, c, now, caller, policy, fingerprint, ReceiveSmsKeywordDecision.Validate, ReceiveSmsKeywordDecision.Decide, mustBeRegistered: false),
            // Requests from people who are not registered subjects are recorded too (record-keeping), under the jurisdiction they give.
            ReceiveRightsRequest c => Run(state, c, now, caller, policy, fingerprint, ReceiveRightsRequestDecision.Validate, (s, v, n) => ReceiveRightsRequestDecision.Decide(s, v, n, policy), mustBeRegistered: false),
            ConfirmReceipt c => Run(state, c, now, caller, policy, fingerprint, ConfirmReceiptDecision.Validate, ConfirmReceiptDecision.Decide, mustBeRegistered: false),
            VerifyIdentity c => Run(state, c, now, caller, policy, fingerprint, VerifyIdentityDecision.Validate, VerifyIdentityDecision.Decide, mustBeRegistered: false),
            FailVerification c => Run(state, c, now, caller, policy, fingerprint, FailVerificationDecision.Validate, FailVerificationDecision.Decide, mustBeRegistered: false),
            ExtendRequest c => Run(state, c, now, caller, policy, fingerprint, ExtendRequestDecision.Validate, ExtendRequestDecision.Decide, mustBeRegistered: false),
            CompleteRequest c => Run(state, c, now, caller, policy, fingerprint, CompleteRequestDecision.Validate, (s, v, n) => CompleteRequestDecision.Decide(s, v, n, policy), mustBeRegistered: false),
            FileAppeal c => Run(state, c, now, caller, policy, fingerprint, FileAppealDecision.Validate, FileAppealDecision.Decide, mustBeRegistered: false),
            DecideAppeal c => Run(state, c, now, caller, policy, fingerprint, DecideAppealDecision.Validate, (s, v, n) => DecideAppealDecision.Decide(s, v, n, policy), mustBeRegistered: false),
            ExtendAppeal c => Run(state, c, now, caller, policy, fingerprint, ExtendAppealDecision.Validate, ExtendAppealDecision.Decide, mustBeRegistered: false),
            DiscloseInformation c => Run(state, c, now, caller, policy, fingerprint, DiscloseInformationDecision.Validate, DiscloseInformationDecision.Decide),
            CorrectInformation c => Run(state, c, now, caller, policy, fingerprint, CorrectInformationDecision.Validate, CorrectInformationDecision.Decide),
            RestrictProcessing c => Run(state, c, now, caller, policy, fingerprint, RestrictProcessingDecision.Validate, RestrictProcessingDecision.Decide),
            LiftRestriction c => Run(state, c, now, caller, policy, fingerprint, LiftRestrictionDecision.Validate, LiftRestrictionDecision.Decide),
            PlaceLegalHold c => Run(state, c, now, caller, policy, fingerprint, PlaceLegalHoldDecision.Validate, PlaceLegalHoldDecision.Decide),
            ReleaseLegalHold c => Run(state, c, now, caller, policy, fingerprint, ReleaseLegalHoldDecision.Validate, ReleaseLegalHoldDecision.Decide),
            DetectMinor c => Run(state, c, now, caller, policy, fingerprint, DetectMinorDecision.Validate, DetectMinorDecision.Decide),
            DeactivateAccount c => Run(state, c, now, caller, policy, fingerprint, DeactivateAccountDecision.Validate, DeactivateAccountDecision.Decide),
            MarkRequestDueSoon c => Run(state, c, now, caller, policy, fingerprint, MarkRequestDueSoonDecision.Validate, MarkRequestDueSoonDecision.Decide),
            MarkRequestOverdue c => Run(state, c, now, caller, policy, fingerprint, MarkRequestOverdueDecision.Validate, MarkRequestOverdueDecision.Decide),

            // Propagation to processors: a GPC opt-out may precede registration, so planning does not require it.
            PlanPropagation c => Run(state, c, now, caller, policy, fingerprint, PlanPropagationDecision.Validate, PlanPropagationDecision.Decide, mustBeRegistered: false),
            RecordDeliveryAttempt c => Run(state, c, now, caller, policy, fingerprint, RecordDeliveryAttemptDecision.Validate, RecordDeliveryAttemptDecision.Decide, mustBeRegistered: false),
            AcknowledgeDelivery c => Run(state, c, now, caller, policy, fingerprint, AcknowledgeDeliveryDecision.Validate, AcknowledgeDeliveryDecision.Decide, mustBeRegistered: false),
            RedeliverWebhook c => Run(state, c, now, caller, policy, fingerprint, RedeliverWebhookDecision.Validate, RedeliverWebhookDecision.Decide, mustBeRegistered: false),
            WaiveDelivery c => Run(state, c, now, caller, policy, fingerprint, WaiveDeliveryDecision.Validate, WaiveDeliveryDecision.Decide, mustBeRegistered: false),
            RecordPersonalDataAccess c => Run(state, c, now, caller, policy, fingerprint, RecordPersonalDataAccessDecision.Validate, RecordPersonalDataAccessDecision.Decide),
            RecordMessageSent c => Run(state, c, now, caller, policy, fingerprint, RecordMessageSentDecision.Validate, RecordMessageSentDecision.Decide),
            ApplyRetention c => Run(state, c, now, caller, policy, fingerprint, ApplyRetentionDecision.Validate, ApplyRetentionDecision.Decide, mustBeRegistered: false),
            RecordBreachNotice c => Run(state, c, now, caller, policy, fingerprint, RecordBreachNoticeDecision.Validate, RecordBreachNoticeDecision.Decide),
            _ => throw new ArgumentOutOfRangeException(nameof(command), $"Unknown command type {command.GetType().Name}."),
        };

        if (events.Count == 0)
        {
            return [];
        }

        var bound = command.IdempotencyKey is null ? null : fingerprint;
        var stamped = new SubjectEvent[events.Count];
        for (var i = 0; i < stamped.Length; i++)
        {
            stamped[i] = events[i] with { SubjectId = command.SubjectId, OccurredAt = now, IdempotencyKey = command.IdempotencyKey, IdempotencyFingerprint = bound };
        }

        return stamped;
    }

    private static IReadOnlyList<SubjectEvent> Run<TCommand>(
        SubjectState state,
        TCommand command,
        DateTimeOffset now,
        string? caller,
        SubjectPolicy policy,
        string? fingerprint,
        Func<TCommand, DateTimeOffset, TCommand> validate,
        Func<SubjectState, TCommand, DateTimeOffset, IReadOnlyList<SubjectEvent>> decide,
        bool mustBeRegistered = true)
        where TCommand : SubjectCommand
    {
        var valid = validate(command, now);
        if (valid.IdempotencyKey is { } key && state.IdempotencyKeys.Contains(key))
        {
            return !state.IdempotencyFingerprints.TryGetValue(key, out var bound) || IsRetry(bound, command, caller, policy, fingerprint)
                ? []
                : throw new IdempotencyKeyReusedException(command.SubjectId);
        }

        if (mustBeRegistered && !state.IsRegistered)
        {
            throw new SubjectNotFoundException(command.SubjectId);
        }

        return decide(state, valid, now);
    }

    /// <summary>Whether a command under a used key is that key's command again: same type, payload and caller.</summary>
    private static bool IsRetry(string bound, SubjectCommand command, string? caller, SubjectPolicy policy, string? fingerprint)
    {
        if (!IdempotencyFingerprint.IsKeyed(bound))
        {
            return IdempotencyFingerprint.MatchesUnkeyed(bound, command, caller, policy);
        }

        // The key the payload was bound under is destroyed (erasure): nothing about the payload can be checked any more.
        return fingerprint is null
            ? IdempotencyFingerprint.BindsSameCommandAndCaller(bound, command, caller)
            : string.Equals(bound, fingerprint, StringComparison.Ordinal);
    }
}

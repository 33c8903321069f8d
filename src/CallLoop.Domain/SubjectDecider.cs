namespace CallLoop.Domain;

/// <summary>
/// Decides which events a command produces, without side effects. Order of checks: input validation
/// (<see cref="InvalidCommandException"/>), duplicate idempotency key (no events), registration
/// (<see cref="SubjectNotFoundException"/>), then the use case's rules (<see cref="RuleViolationException"/>).
/// </summary>
public static class SubjectDecider
{
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        now = now.ToUniversalTime();

        Require.Id(command.SubjectId, "subjectId");
        Require.OptionalText(command.IdempotencyKey, "idempotencyKey");
        if (state.SubjectId is { } known && known != command.SubjectId)
        {
            throw new InvalidCommandException("subjectId", "Field 'subjectId' does not match the subject's stream.");
        }

        var events = command switch
        {
            RegisterSubject c => Run(state, c, now, RegisterSubjectDecision.Validate, RegisterSubjectDecision.Decide, mustBeRegistered: false),
            ChangeResidency c => Run(state, c, now, ChangeResidencyDecision.Validate, ChangeResidencyDecision.Decide),
            CollectPersonalInformation c => Run(state, c, now, CollectPersonalInformationDecision.Validate, CollectPersonalInformationDecision.Decide),
            GrantConsent c => Run(state, c, now, GrantConsentDecision.Validate, GrantConsentDecision.Decide),
            WithdrawConsent c => Run(state, c, now, WithdrawConsentDecision.Validate, WithdrawConsentDecision.Decide),
            OptOut c => Run(state, c, now, OptOutDecision.Validate, OptOutDecision.Decide),
            OptBackIn c => Run(state, c, now, OptBackInDecision.Validate, OptBackInDecision.Decide),

            // A signal or text from an unknown person is still honoured: the opt-out waits for their registration.
            ReceiveGpcSignal c => Run(state, c, now, ReceiveGpcSignalDecision.Validate, ReceiveGpcSignalDecision.Decide, mustBeRegistered: false),
            ReceiveSmsKeyword c => Run(state, c, now, ReceiveSmsKeywordDecision.Validate, ReceiveSmsKeywordDecision.Decide, mustBeRegistered: false),
            ReceiveRightsRequest c => Run(state, c, now, ReceiveRightsRequestDecision.Validate, ReceiveRightsRequestDecision.Decide),
            ConfirmReceipt c => Run(state, c, now, ConfirmReceiptDecision.Validate, ConfirmReceiptDecision.Decide),
            VerifyIdentity c => Run(state, c, now, VerifyIdentityDecision.Validate, VerifyIdentityDecision.Decide),
            FailVerification c => Run(state, c, now, FailVerificationDecision.Validate, FailVerificationDecision.Decide),
            ExtendRequest c => Run(state, c, now, ExtendRequestDecision.Validate, ExtendRequestDecision.Decide),
            CompleteRequest c => Run(state, c, now, CompleteRequestDecision.Validate, CompleteRequestDecision.Decide),
            FileAppeal c => Run(state, c, now, FileAppealDecision.Validate, FileAppealDecision.Decide),
            DecideAppeal c => Run(state, c, now, DecideAppealDecision.Validate, DecideAppealDecision.Decide),
            DiscloseInformation c => Run(state, c, now, DiscloseInformationDecision.Validate, DiscloseInformationDecision.Decide),
            CorrectInformation c => Run(state, c, now, CorrectInformationDecision.Validate, CorrectInformationDecision.Decide),
            RestrictProcessing c => Run(state, c, now, RestrictProcessingDecision.Validate, RestrictProcessingDecision.Decide),
            LiftRestriction c => Run(state, c, now, LiftRestrictionDecision.Validate, LiftRestrictionDecision.Decide),
            PlaceLegalHold c => Run(state, c, now, PlaceLegalHoldDecision.Validate, PlaceLegalHoldDecision.Decide),
            ReleaseLegalHold c => Run(state, c, now, ReleaseLegalHoldDecision.Validate, ReleaseLegalHoldDecision.Decide),
            DetectMinor c => Run(state, c, now, DetectMinorDecision.Validate, DetectMinorDecision.Decide),
            DeactivateAccount c => Run(state, c, now, DeactivateAccountDecision.Validate, DeactivateAccountDecision.Decide),
            MarkRequestDueSoon c => Run(state, c, now, MarkRequestDueSoonDecision.Validate, MarkRequestDueSoonDecision.Decide),
            MarkRequestOverdue c => Run(state, c, now, MarkRequestOverdueDecision.Validate, MarkRequestOverdueDecision.Decide),

            // Propagation to processors: a GPC opt-out may precede registration, so planning does not require it.
            PlanPropagation c => Run(state, c, now, PlanPropagationDecision.Validate, PlanPropagationDecision.Decide, mustBeRegistered: false),
            RecordDeliveryAttempt c => Run(state, c, now, RecordDeliveryAttemptDecision.Validate, RecordDeliveryAttemptDecision.Decide, mustBeRegistered: false),
            AcknowledgeDelivery c => Run(state, c, now, AcknowledgeDeliveryDecision.Validate, AcknowledgeDeliveryDecision.Decide, mustBeRegistered: false),
            RedeliverWebhook c => Run(state, c, now, RedeliverWebhookDecision.Validate, RedeliverWebhookDecision.Decide, mustBeRegistered: false),
            WaiveDelivery c => Run(state, c, now, WaiveDeliveryDecision.Validate, WaiveDeliveryDecision.Decide, mustBeRegistered: false),
            RecordPersonalDataAccess c => Run(state, c, now, RecordPersonalDataAccessDecision.Validate, RecordPersonalDataAccessDecision.Decide),
            ApplyRetention c => Run(state, c, now, ApplyRetentionDecision.Validate, ApplyRetentionDecision.Decide),
            RecordBreachNotice c => Run(state, c, now, RecordBreachNoticeDecision.Validate, RecordBreachNoticeDecision.Decide),
            _ => throw new ArgumentOutOfRangeException(nameof(command), $"Unknown command type {command.GetType().Name}."),
        };

        return events.Count == 0
            ? []
            : events.Select(e => e with { SubjectId = command.SubjectId, OccurredAt = now, IdempotencyKey = command.IdempotencyKey }).ToArray();
    }

    private static IReadOnlyList<SubjectEvent> Run<TCommand>(
        SubjectState state,
        TCommand command,
        DateTimeOffset now,
        Func<TCommand, DateTimeOffset, TCommand> validate,
        Func<SubjectState, TCommand, DateTimeOffset, IReadOnlyList<SubjectEvent>> decide,
        bool mustBeRegistered = true)
        where TCommand : SubjectCommand
    {
        var valid = validate(command, now);
        if (valid.IdempotencyKey is { } key && state.IdempotencyKeys.Contains(key))
        {
            return [];
        }

        if (mustBeRegistered && !state.IsRegistered)
        {
            throw new SubjectNotFoundException(command.SubjectId);
        }

        return decide(state, valid, now);
    }
}

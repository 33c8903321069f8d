namespace CallLoop.Domain;

/// <summary>Answer a rights request, and carry out what a fulfilled request asks for.</summary>
[GenerateSerializer, Immutable, Alias("callloop.complete-request")]
public sealed record CompleteRequest : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestOutcome Outcome { get; init; }

    /// <summary>Required when denied.</summary>
    [Id(2)]
    public DenialReason? DenialReason { get; init; }

    /// <summary>Required when denied or partially fulfilled: the basis for the denial, in whole or in part.</summary>
    [Id(3)]
    public string? Explanation { get; init; }

    // [Id(4)] was AwaitProcessorAcknowledgements, now SubjectPolicy.DeleteRequiresAcknowledgements: not to be reused.
}

internal static class CompleteRequestDecision
{
    /// <summary>What an opt-out request opts out of: sale, sharing, targeted advertising and profiling.</summary>
    public static readonly OptOutScope[] OptOutRequestScopes = [OptOutScope.Sale, OptOutScope.Sharing, OptOutScope.TargetedAdvertising, OptOutScope.Profiling];

    public static CompleteRequest Validate(CompleteRequest command, DateTimeOffset now)
    {
        var outcome = CommandInput.Defined(command.Outcome, "outcome");
        var denialReason = CommandInput.OptionalDefined(command.DenialReason, "denialReason");
        var explanation = CommandInput.OptionalLongText(command.Explanation, "explanation");
        if (outcome == RequestOutcome.Denied && denialReason is null)
        {
            throw new InvalidCommandException("denialReason", "Field 'denialReason' is required when a request is denied.");
        }

        if (outcome == RequestOutcome.Fulfilled && denialReason is not null)
        {
            throw new InvalidCommandException("denialReason", "Field 'denialReason' applies only to denied or partially fulfilled requests.");
        }

        if (outcome != RequestOutcome.Fulfilled && explanation is null)
        {
            throw new InvalidCommandException("explanation", "Field 'explanation' is required when a request is denied in whole or in part.");
        }

        return command with
        {
            RequestId = CommandInput.Id(command.RequestId, "requestId"),
            Outcome = outcome,
            DenialReason = denialReason,
            Explanation = explanation,
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, CompleteRequest command, DateTimeOffset now, SubjectPolicy policy)
    {
        var request = Preconditions.RequireOpen(Preconditions.FindRequest(state, command.SubjectId, command.RequestId));
        if (AwaitingProcessors.IsAwaiting(request))
        {
            throw Preconditions.Violation("awaiting-processors", $"Rights request '{request.RequestId}' was carried out and completes when every processor has acknowledged.");
        }

        if (command.Outcome == RequestOutcome.Denied && RightsRequestDeadline.IsOptOutOrLimit(request.Type))
        {
            RequireFraudDenial(request, command.DenialReason);
        }

        var acting = command.Outcome != RequestOutcome.Denied;
        if (acting && request.FromNonSubject && !RightsRequestDeadline.IsOptOutOrLimit(request.Type) && request.Type != RightsRequestType.WithdrawConsent)
        {
            throw Preconditions.Violation("requester-not-a-subject", $"Rights request '{request.RequestId}' came from someone who is not a registered subject: it can only be denied (e.g. not-a-consumer).");
        }

        if (acting && VerificationPolicy.RequiresVerification(request.Type) && !request.IsVerified)
        {
            throw Preconditions.Violation("request-not-verified", $"Rights request '{request.RequestId}' cannot be fulfilled before the requester is verified.");
        }

        var completed = new RightsRequestCompleted
        {
            RequestId = request.RequestId,
            Outcome = command.Outcome,
            DenialReason = command.DenialReason,
            Explanation = command.Explanation,
            CompletedAt = now,
        };

        if (acting && request.Type == RightsRequestType.Delete && policy.DeleteRequiresAcknowledgements)
        {
            var awaiting = new RightsRequestAwaitingProcessors { RequestId = request.RequestId, Outcome = command.Outcome, Explanation = command.Explanation, FulfilledAt = now };
            return [awaiting, .. Effects(state, request)];
        }

        return acting ? [completed, .. Effects(state, request)] : [completed];
    }

    private static IEnumerable<SubjectEvent> Effects(SubjectState state, RightsRequest request) => request.Type switch
    {
        RightsRequestType.OptOutSaleSharing =>
            OptOutEvents.For(state, PreferenceMethod.Request, request.RequestId, OptOutRequestScopes),
        RightsRequestType.LimitSensitive =>
            OptOutEvents.For(state, PreferenceMethod.Request, request.RequestId, OptOutScope.SensitiveUse),
        RightsRequestType.WithdrawConsent => (request.ConsentPurposes.IsEmpty ? Enum.GetValues<ConsentPurpose>() : [.. request.ConsentPurposes])
            .Where(state.HasConsent)
            .Select(purpose => new ConsentWithdrawn { Purpose = purpose, RequestId = request.RequestId }),
        RightsRequestType.Delete =>
            [new ErasureStarted { Reason = ErasureReason.DeleteRequest, RequestId = request.RequestId, RetainedCategories = Retained(state) }],
        RightsRequestType.TerminateAccount when state.IsActive =>
            [new AccountDeactivated { Reason = "terminate-account" }],
        RightsRequestType.Restrict when !state.IsRestricted =>
            [new ProcessingRestricted { RequestId = request.RequestId }],
        _ => [],
    };

    /// <summary>Opt-out and limit requests need no verification: refused only for a documented, good-faith belief of fraud.</summary>
    private static void RequireFraudDenial(RightsRequest request, DenialReason? reason)
    {
        if (reason == DenialReason.Unverifiable)
        {
            throw Preconditions.Violation("opt-out-needs-no-verification", $"Rights request '{request.RequestId}' is an opt-out or limit request: it needs no verification and cannot be denied as unverifiable.");
        }

        if (reason != DenialReason.Fraud)
        {
            throw Preconditions.Violation("opt-out-denied-only-for-fraud", $"Rights request '{request.RequestId}' is an opt-out or limit request: it may be denied only for a documented belief of fraud.");
        }
    }

    internal static PersonalInformationCategory[] Retained(SubjectState state) =>
        state.HeldUnderLegalHold().Order().ToArray();
}

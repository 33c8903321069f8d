namespace CallLoop.Domain;

/// <summary>Log a rights request; its deadlines come from the law of the subject's jurisdiction at receipt.</summary>
[GenerateSerializer, Immutable, Alias("callloop.receive-rights-request")]
public sealed record ReceiveRightsRequest : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; init; }

    [Id(2)]
    public RequestChannel Channel { get; init; }

    [Id(3)]
    public AuthorizedAgent? Agent { get; init; }

    /// <summary>Defaults to now; the statutory clock starts here.</summary>
    [Id(4)]
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>For a withdraw-consent request: the consents to withdraw; none named means every consent.</summary>
    [Id(5)]
    public IReadOnlyList<ConsentPurpose> ConsentPurposes { get; init; } = [];

    /// <summary>Where the requester lives; required when they are not a registered subject, ignored otherwise.</summary>
    [Id(6)]
    public string? Jurisdiction { get; init; }

    // [Id(7)] was BusinessTimeZone, now SubjectPolicy.BusinessTimeZone: not to be reused.
}

internal static class ReceiveRightsRequestDecision
{
    public static ReceiveRightsRequest Validate(ReceiveRightsRequest command, DateTimeOffset now) => command with
    {
        RequestId = CommandInput.Id(command.RequestId, "requestId"),
        Type = CommandInput.Defined(command.Type, "type"),
        Channel = CommandInput.Defined(command.Channel, "channel"),
        Agent = command.Agent is { } agent
            ? new AuthorizedAgent
            {
                Name = CommandInput.Text(agent.Name, "agent.name", 256),
                ProofOfAuthorization = CommandInput.LongText(agent.ProofOfAuthorization, "agent.proofOfAuthorization"),
            }
            : null,
        ReceivedAt = CommandInput.Timestamp(command.ReceivedAt, "receivedAt", now),
        ConsentPurposes = ValidConsentPurposes(command),
        Jurisdiction = string.IsNullOrWhiteSpace(command.Jurisdiction) ? null : JurisdictionTable.Code(command.Jurisdiction),
    };

    private static IReadOnlyList<ConsentPurpose> ValidConsentPurposes(ReceiveRightsRequest command)
    {
        var purposes = command.ConsentPurposes ?? [];
        if (purposes.Count > 0 && command.Type != RightsRequestType.WithdrawConsent)
        {
            throw new InvalidCommandException("consentPurposes", "Field 'consentPurposes' applies only to withdraw-consent requests.");
        }

        return purposes.Select(p => CommandInput.Defined(p, "consentPurposes")).Distinct().ToArray();
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ReceiveRightsRequest command, DateTimeOffset now, SubjectPolicy policy)
    {
        if (state.Requests.ContainsKey(command.RequestId))
        {
            return [];
        }

        var receivedAt = command.ReceivedAt ?? now;
        var jurisdiction = state.IsRegistered
            ? state.Jurisdiction
            : command.Jurisdiction ?? throw new InvalidCommandException("jurisdiction", "Field 'jurisdiction' is required for a request from someone who is not a registered subject.");
        var law = JurisdictionTable.On(jurisdiction, receivedAt);
        if (!law.Offers(command.Type))
        {
            throw Preconditions.Violation("right-not-offered", $"The law of {law.Code} does not give the '{EnumText.ToText(command.Type)}' right.");
        }

        if (command.Type == RightsRequestType.ShineTheLight
            && state.Requests.Values.Any(r => r.Type == RightsRequestType.ShineTheLight && r.ReceivedAt.UtcDateTime.Year == receivedAt.UtcDateTime.Year))
        {
            throw Preconditions.Violation("shine-the-light-once-a-year", "A Shine the Light request is answered once per calendar year.");
        }

        var zone = policy.BusinessZone;
        return
        [
            new RightsRequestReceived
            {
                RequestId = command.RequestId,
                Type = command.Type,
                Channel = command.Channel,
                Jurisdiction = law.Code,
                Agent = command.Agent,
                ReceivedAt = receivedAt,
                DueAt = RightsRequestDeadline.DueAt(law, command.Type, receivedAt, zone),
                ConfirmationDueAt = RightsRequestDeadline.ConfirmationDueAt(law, command.Type, receivedAt, zone),
                ConsentPurposes = [.. command.ConsentPurposes],
                FromNonSubject = !state.IsRegistered,
            },
        ];
    }
}

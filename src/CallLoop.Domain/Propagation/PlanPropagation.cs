namespace CallLoop.Domain;

/// <summary>
/// Choose the processors that must hear of the subject's event at <see cref="SourceSequence"/> (sent by the
/// propagation reactor with the registry as it stands). Planning an event twice appends nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.plan-propagation")]
public sealed record PlanPropagation : SubjectCommand
{
    [Id(0)]
    public long SourceSequence { get; init; }

    [Id(1)]
    public PropagationAction Action { get; init; }

    [Id(2)]
    public PersonalInformationCategory? Category { get; init; }

    [Id(3)]
    public OptOutScope? Scope { get; init; }

    [Id(4)]
    public ConsentPurpose? Purpose { get; init; }

    [Id(5)]
    public string? RequestId { get; init; }

    [Id(6)]
    public IReadOnlyList<ProcessorTarget> Processors { get; init; } = [];

    /// <summary>The plan owed for a committed event, or null when the event asks nothing of processors.</summary>
    public static PlanPropagation? For(SubjectEvent e, long sequence)
    {
        ArgumentNullException.ThrowIfNull(e);
        PlanPropagation? plan = e switch
        {
            ErasureStarted erased => new() { Action = PropagationAction.Erase, RequestId = erased.RequestId },
            InformationCorrected corrected => new() { Action = PropagationAction.Correct, Category = corrected.Category, RequestId = corrected.RequestId },
            OptedOut optedOut => new() { Action = PropagationAction.OptOut, Scope = optedOut.Scope, RequestId = optedOut.RequestId },
            ConsentWithdrawn withdrawn => new() { Action = PropagationAction.WithdrawConsent, Purpose = withdrawn.Purpose, RequestId = withdrawn.RequestId },
            _ => null,
        };
        return plan is null ? null : plan with { SubjectId = e.SubjectId, SourceSequence = sequence };
    }
}

internal static class PlanPropagationDecision
{
    public static PlanPropagation Validate(PlanPropagation command, DateTimeOffset now)
    {
        if (command.SourceSequence <= 0)
        {
            throw new InvalidCommandException("sourceSequence", "Field 'sourceSequence' must be positive.");
        }

        var processors = command.Processors ?? [];
        for (var i = 0; i < processors.Count; i++)
        {
            CommandInput.Text(processors[i]?.Processor, $"processors[{i}]", 256);
            var categories = processors[i]!.Categories ?? [];
            for (var c = 0; c < categories.Count; c++)
            {
                CommandInput.Defined(categories[c], $"processors[{i}].categories[{c}]");
            }
        }

        return command with
        {
            Action = CommandInput.Defined(command.Action, "action"),
            Category = CommandInput.OptionalDefined(command.Category, "category"),
            Scope = CommandInput.OptionalDefined(command.Scope, "scope"),
            Purpose = CommandInput.OptionalDefined(command.Purpose, "purpose"),
            RequestId = CommandInput.OptionalId(command.RequestId, "requestId"),
            Processors = processors,
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, PlanPropagation command, DateTimeOffset now)
    {
        if (state.Propagation.PlannedSequences.Contains(command.SourceSequence))
        {
            return [];
        }

        var deliveries = AffectedProcessors.Select(state, command.Action, command.Category, command.Processors)
            .Select(p => new PlannedDelivery { DeliveryId = DeliveryIds.Of(command.SubjectId, command.SourceSequence, p), Processor = p })
            .ToArray();
        var awaiting = command.RequestId is { } id && state.Requests.TryGetValue(id, out var request) && AwaitingProcessors.IsAwaiting(request);
        if (deliveries.Length == 0 && !awaiting)
        {
            return [];
        }

        var planned = new PropagationPlanned
        {
            SourceSequence = command.SourceSequence,
            Action = command.Action,
            Category = command.Category,
            Scope = command.Scope,
            Purpose = command.Purpose,
            RequestId = command.RequestId,
            Deliveries = deliveries,
        };
        return [planned, .. AwaitingProcessors.CompletionIfAllSettled(state, planned, now)];
    }
}

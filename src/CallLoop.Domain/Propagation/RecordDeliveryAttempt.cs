namespace CallLoop.Domain;

/// <summary>
/// Record how one attempt of a webhook delivery went (sent by the delivery grain). A failed last attempt also
/// dead-letters the delivery. An attempt already recorded, or any attempt after the delivery settled, appends nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.record-delivery-attempt")]
public sealed record RecordDeliveryAttempt : SubjectCommand
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public int Attempt { get; init; }

    /// <summary>The endpoint's success status; null when the attempt failed.</summary>
    [Id(2)]
    public int? StatusCode { get; init; }

    /// <summary>Why the attempt failed (a code); null when it succeeded.</summary>
    [Id(3)]
    public string? Failure { get; init; }

    /// <summary>No attempt follows a failure of this one.</summary>
    [Id(4)]
    public bool LastAttempt { get; init; }
}

internal static class RecordDeliveryAttemptDecision
{
    public static RecordDeliveryAttempt Validate(RecordDeliveryAttempt command, DateTimeOffset now)
    {
        if (command.Attempt < 1)
        {
            throw new InvalidCommandException("attempt", "Field 'attempt' must be at least 1.");
        }

        if ((command.StatusCode is null) == (command.Failure is null))
        {
            throw new InvalidCommandException("failure", "Exactly one of 'statusCode' and 'failure' must be given.");
        }

        return command with
        {
            DeliveryId = CommandInput.Id(command.DeliveryId, "deliveryId"),
            Failure = command.Failure is null ? null : CommandInput.FieldName(command.Failure, "failure"),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RecordDeliveryAttempt command, DateTimeOffset now)
    {
        var delivery = AcknowledgeDeliveryDecision.Find(state, command.DeliveryId);
        if (delivery.Status != DeliveryStatus.Pending || command.Attempt <= delivery.Attempts)
        {
            return [];
        }

        if (command.StatusCode is { } status)
        {
            return [new WebhookDelivered { DeliveryId = delivery.DeliveryId, Processor = delivery.Processor, Attempt = command.Attempt, StatusCode = status }];
        }

        var failed = new WebhookAttemptFailed { DeliveryId = delivery.DeliveryId, Processor = delivery.Processor, Attempt = command.Attempt, Failure = command.Failure! };
        return command.LastAttempt
            ? [failed, new WebhookDeadLettered { DeliveryId = delivery.DeliveryId, Processor = delivery.Processor, Attempts = command.Attempt }]
            : [failed];
    }
}

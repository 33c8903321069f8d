namespace CallLoop.Domain;

/// <summary>Record that personal values of the subject are about to be read; the values leave only after it is committed.</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-personal-data-access")]
public sealed record RecordPersonalDataAccess : SubjectCommand
{
    [Id(0)]
    public PersonalDataAccess Access { get; init; } = new();

    [Id(1)]
    public AccessedView View { get; init; }
}

internal static class RecordPersonalDataAccessDecision
{
    public static RecordPersonalDataAccess Validate(RecordPersonalDataAccess command, DateTimeOffset now)
    {
        var access = command.Access ?? throw new InvalidCommandException("access", "Field 'access' is required.");
        return command with
        {
            Access = access with
            {
                AccessedBy = CommandInput.Text(access.AccessedBy, "accessedBy", 256),
                Purpose = CommandInput.Defined(access.Purpose, "purpose"),
                RequestId = CommandInput.OptionalId(access.RequestId, "requestId"),
            },
            View = CommandInput.Defined(command.View, "view"),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RecordPersonalDataAccess command, DateTimeOffset now)
    {
        if (command.Access.RequestId is { } requestId)
        {
            Preconditions.FindRequest(state, command.SubjectId, requestId);
        }

        return
        [
            new PersonalDataAccessed
            {
                AccessedBy = command.Access.AccessedBy,
                Purpose = command.Access.Purpose,
                View = command.View,
                RequestId = command.Access.RequestId,
                Categories = RetentionSchedule.HeldCategories(state).Order().ToArray(),
            },
        ];
    }
}

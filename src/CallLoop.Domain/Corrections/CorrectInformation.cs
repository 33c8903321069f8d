namespace CallLoop.Domain;

/// <summary>Correct a value we hold, optionally as the fulfilment of a correct request.</summary>
[GenerateSerializer, Immutable, Alias("callloop.correct-information")]
public sealed record CorrectInformation : SubjectCommand
{
    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public string Field { get; init; } = string.Empty;

    [Id(2)]
    public string NewValue { get; init; } = string.Empty;

    [Id(3)]
    public string? RequestId { get; init; }
}

internal static class CorrectInformationDecision
{
    public static CorrectInformation Validate(CorrectInformation command, DateTimeOffset now)
    {
        var category = CommandInput.Defined(command.Category, "category");
        var field = CommandInput.FieldName(command.Field, "field");
        var value = CommandInput.LongText(command.NewValue, "newValue");
        if (category == PersonalInformationCategory.Identifiers)
        {
            value = field switch
            {
                ContactFields.Email => EmailAddress.Normalize(value, "newValue"),
                ContactFields.Phone => PhoneNumber.Normalize(value, "newValue"),
                ContactFields.Name => CommandInput.Text(value, "newValue", 256),
                _ => value,
            };
        }

        return command with
        {
            Category = category,
            Field = field,
            NewValue = value,
            RequestId = CommandInput.OptionalId(command.RequestId, "requestId"),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, CorrectInformation command, DateTimeOffset now)
    {
        if (command.RequestId is { } requestId)
        {
            var request = Preconditions.FindRequest(state, command.SubjectId, requestId);
            if (request.Type != RightsRequestType.Correct)
            {
                throw Preconditions.Violation("request-type-mismatch", $"Rights request '{requestId}' is not a correct request.");
            }
        }

        var isContactField = command.Category == PersonalInformationCategory.Identifiers
            && command.Field is ContactFields.Email or ContactFields.Phone or ContactFields.Name;
        if (!isContactField && !state.Categories.ContainsKey(command.Category))
        {
            throw Preconditions.Violation("category-not-held", $"No information is held in category '{EnumText.ToText(command.Category)}'.");
        }

        return
        [
            new InformationCorrected
            {
                Category = command.Category,
                Field = command.Field,
                NewValue = command.NewValue,
                RequestId = command.RequestId,
            },
        ];
    }
}

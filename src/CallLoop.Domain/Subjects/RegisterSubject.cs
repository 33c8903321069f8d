namespace CallLoop.Domain;

/// <summary>Make a data subject known, under the law of their jurisdiction.</summary>
[GenerateSerializer, Immutable, Alias("callloop.register-subject")]
public sealed record RegisterSubject : SubjectCommand
{
    /// <summary>US state code or CAN.</summary>
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public string? Email { get; init; }

    [Id(2)]
    public string? Phone { get; init; }

    [Id(3)]
    public string? Name { get; init; }

    [Id(4)]
    public DateOnly? BirthDate { get; init; }

    /// <summary>The subject's IANA time zone (e.g. America/Chicago), for quiet hours; else the jurisdiction's zones apply.</summary>
    [Id(5)]
    public string? TimeZone { get; init; }
}

internal static class RegisterSubjectDecision
{
    public static RegisterSubject Validate(RegisterSubject command, DateTimeOffset now) => command with
    {
        Jurisdiction = JurisdictionTable.Code(command.Jurisdiction),
        TimeZone = LocalTime.OptionalZoneId(command.TimeZone, "timeZone"),
        Email = string.IsNullOrWhiteSpace(command.Email) ? null : EmailAddress.Normalize(command.Email),
        Phone = string.IsNullOrWhiteSpace(command.Phone) ? null : PhoneNumber.Normalize(command.Phone),
        Name = CommandInput.OptionalText(command.Name, "name", 256),
        BirthDate = BirthDates.NotInFuture(command.BirthDate, now),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RegisterSubject command, DateTimeOffset now)
    {
        if (state.IsRegistered)
        {
            return IsSameRegistration(state, command) ? [] : throw new SubjectAlreadyRegisteredException(command.SubjectId);
        }

        if (command.BirthDate is { } birthDate && MinorAge.IsMinor(birthDate, now))
        {
            throw Preconditions.Violation("minor", "Subjects under 18 cannot be registered.");
        }

        return
        [
            new SubjectRegistered
            {
                Jurisdiction = command.Jurisdiction,
                TimeZone = command.TimeZone,
                Email = command.Email,
                Phone = command.Phone,
                Name = command.Name,
                BirthDate = command.BirthDate,
            },
        ];
    }

    private static bool IsSameRegistration(SubjectState state, RegisterSubject command) =>
        state.Jurisdiction == command.Jurisdiction
        && state.Email == command.Email
        && state.Phone == command.Phone
        && state.Name == command.Name
        && state.BirthDate == command.BirthDate
        && state.TimeZone == command.TimeZone;
}

namespace CallLoop.Domain;

internal static class BirthDates
{
    public static DateOnly? NotInFuture(DateOnly? birthDate, DateTimeOffset now) =>
        birthDate is { } date && date > DateOnly.FromDateTime(now.UtcDateTime)
            ? throw new InvalidCommandException("birthDate", "Field 'birthDate' must not be in the future.")
            : birthDate;
}

namespace CallLoop.Domain;

/// <summary>Call Loop does not knowingly hold data of anyone under 18.</summary>
public static class MinorAge
{
    public const int AdultAge = 18;

    public static bool IsMinor(DateOnly birthDate, DateTimeOffset now) =>
        birthDate.AddYears(AdultAge) > DateOnly.FromDateTime(now.UtcDateTime);
}

namespace CallLoop.Integration.Tests.Support;

/// <summary>Moments that do not depend on when the suite runs.</summary>
internal static class TestTimes
{
    /// <summary>
    /// Next Wednesday 18:00 UTC: 1 p.m. in New York, 10 a.m. in Los Angeles, inside every US texting window, so
    /// marketing-text checks asked "at" it never meet quiet hours whatever the time of the run.
    /// </summary>
    public static DateTimeOffset TextingHours
    {
        get
        {
            var today = DateTime.UtcNow.Date;
            var days = ((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7;
            return new DateTimeOffset(today.AddDays(days == 0 ? 7 : days).AddHours(18), TimeSpan.Zero);
        }
    }

    /// <summary>The last Wednesday 18:00 UTC at least a day ago: messages may be recorded as sent before it.</summary>
    public static DateTimeOffset PastTextingHours => TextingHours.AddDays(-14);

    public static string Query(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

    public static string TextingHoursQuery => Uri.EscapeDataString(TextingHours.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
}

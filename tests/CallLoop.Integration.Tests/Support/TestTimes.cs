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

    /// <summary>
    /// A moment after everything stamped before the call and before everything stamped after it, a millisecond clear of
    /// both (stored times keep microseconds): it waits for the clock to pass it, no longer.
    /// </summary>
    public static async Task<DateTimeOffset> MomentBetweenAsync()
    {
        var moment = await ClockPastAsync(DateTimeOffset.UtcNow);
        await ClockPastAsync(moment);
        return moment;
    }

    private static async Task<DateTimeOffset> ClockPastAsync(DateTimeOffset moment)
    {
        while (DateTimeOffset.UtcNow <= moment.AddMilliseconds(1))
        {
            await Task.Delay(1);
        }

        return DateTimeOffset.UtcNow;
    }

    public static string Query(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

    public static string TextingHoursQuery => Uri.EscapeDataString(TextingHours.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
}

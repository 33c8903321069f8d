using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Sms;

/// <summary>Each quiet-hours row, at the edges of its window, in the recipient's local time.</summary>
public class QuietHoursTests
{
    private static readonly TimeZoneInfo Eastern = Zone("America/New_York");
    private static readonly TimeZoneInfo Central = Zone("America/Chicago");
    private static readonly TimeZoneInfo Pacific = Zone("America/Los_Angeles");

    /// <summary>2026-03-04 is a Wednesday, 2026-03-08 a Sunday (DST starts that day in the US, at 2 a.m.).</summary>
    private static DateTimeOffset Local(TimeZoneInfo zone, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, 3, day, hour, minute, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset? Next(string code, TimeZoneInfo zone, DateTimeOffset at) =>
        QuietHours.NextAllowedAt(TextingLawTable.On(code, at), [zone], at);

    [Theory]
    [InlineData("CA", 7, 59, false)]
    [InlineData("CA", 8, 0, true)]
    [InlineData("CA", 20, 59, true)]
    [InlineData("CA", 21, 0, false)]
    [InlineData("FL", 19, 59, true)]
    [InlineData("FL", 20, 0, false)]
    [InlineData("OK", 20, 0, false)]
    [InlineData("MD", 7, 59, false)]
    [InlineData("WA", 20, 30, false)]
    [InlineData("TX", 8, 30, false)]
    [InlineData("TX", 9, 0, true)]
    [InlineData("TX", 20, 59, true)]
    [InlineData("CT", 8, 59, false)]
    [InlineData("CT", 9, 0, true)]
    [InlineData("CT", 20, 0, false)]
    public void Given_a_weekday_When_asked_Then_inside_the_row_window_only(string code, int hour, int minute, bool allowed)
    {
        var at = Local(Eastern, 4, hour, minute);

        Assert.Equal(allowed, Next(code, Eastern, at) is null);
    }

    [Fact]
    public void Given_florida_after_8pm_Then_quiet_until_8am_next_day()
    {
        Assert.Equal(Local(Eastern, 5, 8), Next("FL", Eastern, Local(Eastern, 4, 20, 15)));
    }

    [Fact]
    public void Given_federal_before_8am_Then_quiet_until_8am_same_day()
    {
        Assert.Equal(Local(Pacific, 4, 8), Next("CA", Pacific, Local(Pacific, 4, 6, 30)));
    }

    [Fact]
    public void Given_texas_on_sunday_morning_Then_quiet_until_noon()
    {
        var sunday = Local(Central, 8, 10);

        Assert.Equal(Local(Central, 8, 12), Next("TX", Central, sunday));
        Assert.Null(Next("TX", Central, Local(Central, 8, 12)));
        Assert.Equal(Local(Central, 9, 9), Next("TX", Central, Local(Central, 8, 21)));
    }

    [Fact]
    public void Given_florida_without_the_recipients_zone_Then_the_later_start_and_the_earlier_end_of_both_zones()
    {
        var rule = TextingLawTable.On("FL", Local(Eastern, 4, 12));
        TimeZoneInfo[] both = [Eastern, Central];

        Assert.Equal(Local(Central, 4, 8), QuietHours.NextAllowedAt(rule, both, Local(Eastern, 4, 8, 30)));
        Assert.NotNull(QuietHours.NextAllowedAt(rule, both, Local(Central, 4, 19, 30)));
        Assert.Null(QuietHours.NextAllowedAt(rule, both, Local(Central, 4, 18, 59)));
    }

    [Fact]
    public void Given_canada_Then_no_quiet_hours()
    {
        Assert.Null(Next("CAN", Eastern, Local(Eastern, 4, 3)));
    }

    private static TimeZoneInfo Zone(string id) => LocalTime.TryFind(id, out var zone) ? zone : throw new InvalidOperationException(id);
}

using Bunit;
using CallLoop.Console.Components.Shared;

namespace CallLoop.Console.Tests.Components;

public sealed class DueMarkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, true, "overdue")]
    [InlineData(1, true, "soon")]
    [InlineData(5 * 24, true, "soon")]
    [InlineData(5 * 24 + 1, true, "")]
    [InlineData(-1, false, "")]
    public async Task Open_requests_are_marked_overdue_or_due_within_five_days(int hoursUntilDue, bool open, string mark)
    {
        await using var context = SignedIn.As("privacy-officer");
        var rendered = context.Render<DueMark>(p => p.Add(d => d.Due, Now.AddHours(hoursUntilDue)).Add(d => d.Open, open).Add(d => d.Now, Now));
        Assert.Equal(mark, string.Join(",", rendered.FindAll("[data-due]").Select(e => e.GetAttribute("data-due"))));
    }
}

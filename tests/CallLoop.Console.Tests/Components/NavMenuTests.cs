using Bunit;
using CallLoop.Console.Components.Layout;

namespace CallLoop.Console.Tests.Components;

public sealed class NavMenuTests
{
    [Theory]
    [InlineData("privacy-officer", "Work queue|Subjects|Incidents")]
    [InlineData("analyst", "Work queue|Reports")]
    [InlineData("admin", "Subjects|Incidents|Reports|Deliveries")]
    [InlineData("service", "")]
    public async Task Each_role_sees_only_the_sections_it_may_use(string role, string sections)
    {
        await using var context = SignedIn.As(role);
        var menu = context.Render<NavMenu>();
        var shown = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(sections.Split('|', StringSplitOptions.RemoveEmptyEntries), shown);
    }
}

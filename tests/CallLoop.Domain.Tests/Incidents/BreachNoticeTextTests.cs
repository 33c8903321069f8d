using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class BreachNoticeTextTests
{
    private static readonly IncidentFacts Facts = IncidentScenario.Facts();

    [Fact]
    public void Given_CA_When_rendered_Then_titled_notice_of_data_breach_with_the_five_headings()
    {
        var notice = BreachNoticeText.Render("incident-1", Facts, "CA", 12);

        Assert.Equal("Notice of Data Breach", notice.Title);
        Assert.Equal(["What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"], notice.Sections.Select(s => s.Heading));
        Assert.StartsWith("Notice of Data Breach\n", notice.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("FL")]
    [InlineData("IL")]
    [InlineData("CAN")]
    public void Given_any_jurisdiction_When_rendered_Then_nature_data_and_steps_are_stated(string code)
    {
        var notice = BreachNoticeText.Render("incident-1", Facts, code, 12);

        Assert.Contains(Facts.Description, notice.Sections[0].Body, StringComparison.Ordinal);
        Assert.Contains("Social Security number", notice.Sections[1].Body, StringComparison.Ordinal);
        Assert.Contains(Facts.StepsTaken!, notice.Sections[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_IL_When_rendered_Then_the_count_of_residents_is_left_out_but_FL_states_it()
    {
        Assert.DoesNotContain("1234", BreachNoticeText.Render("incident-1", Facts, "IL", 1234).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("resident", BreachNoticeText.Render("incident-1", Facts, "IL", 1234).Text, StringComparison.Ordinal);
        Assert.Contains("1234 residents of FL", BreachNoticeText.Render("incident-1", Facts, "FL", 1234).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_FL_When_rendered_Then_plain_title_and_headings()
    {
        var notice = BreachNoticeText.Render("incident-1", Facts, "FL", 3);

        Assert.Equal(BreachNoticeText.DefaultTitle, notice.Title);
        Assert.Equal("What happened", notice.Sections[0].Heading);
    }
}

using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Appeals;

public class AppealTests
{
    private static FileAppeal Appeal() => new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = "I disagree." };

    private static DecideAppeal Decide(AppealOutcome outcome = AppealOutcome.Upheld, string explanation = "The exemption applies.") =>
        new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = outcome, Explanation = explanation };

    private static Scenario Denied(string jurisdiction) =>
        Scenario.Registered(jurisdiction).GivenRequest("r-1", RightsRequestType.Delete)
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Exempt);

    [Theory]
    [InlineData("VA", 60)]
    [InlineData("CO", 45)]
    [InlineData("OR", 45)]
    [InlineData("TX", 60)]
    public void Given_denied_request_When_appealed_Then_appeal_due_from_law(string jurisdiction, int days)
    {
        var filed = Assert.IsType<AppealFiled>(Assert.Single(Denied(jurisdiction).When(Appeal())));

        Assert.Equal(Scenario.Now.AddDays(days), filed.AppealDueAt);
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("UT")]
    [InlineData("NV")]
    [InlineData("CAN")]
    public void Given_denied_request_where_law_gives_no_appeal_When_appealed_Then_rejected(string jurisdiction)
    {
        Assert.Equal("no-appeal-right", Denied(jurisdiction).Rejected(Appeal()).Rule);
    }

    [Fact]
    public void Given_fulfilled_request_When_appealed_Then_rejected()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete).GivenVerified("r-1")
            .GivenCompleted("r-1", RequestOutcome.Fulfilled);

        Assert.Equal("appeal-not-allowed", scenario.Rejected(Appeal()).Rule);
    }

    [Fact]
    public void Given_partially_fulfilled_request_When_appealed_Then_appeal_filed()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete).GivenVerified("r-1")
            .GivenCompleted("r-1", RequestOutcome.PartiallyFulfilled);

        Assert.IsType<AppealFiled>(Assert.Single(scenario.When(Appeal())));
    }

    [Fact]
    public void Given_open_request_When_appealed_Then_rejected()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("request-not-completed", scenario.Rejected(Appeal()).Rule);
    }

    [Fact]
    public void Given_appealed_request_When_appealed_again_Then_rejected()
    {
        Assert.Equal("appeal-already-filed", Denied("VA").Given(Appeal()).Rejected(Appeal()).Rule);
    }

    [Fact]
    public void Given_no_appeal_When_appeal_decided_Then_rejected()
    {
        Assert.Equal("appeal-not-filed", Denied("VA").Rejected(Decide()).Rule);
    }

    [Fact]
    public void Given_decided_appeal_When_decided_again_Then_rejected()
    {
        Assert.Equal("appeal-already-decided", Denied("VA").Given(Appeal(), Decide()).Rejected(Decide(AppealOutcome.Reversed)).Rule);
    }

    [Fact]
    public void Given_appeal_When_decided_without_explanation_Then_invalid_explanation()
    {
        Assert.Equal("explanation", Denied("VA").Given(Appeal()).Invalid(Decide(explanation: "")).Field);
    }

    [Fact]
    public void Given_appeal_When_upheld_Then_requester_told_where_to_complain()
    {
        var decided = Assert.IsType<AppealDecided>(Assert.Single(Denied("VA").Given(Appeal()).When(Decide())));

        Assert.Equal("Virginia Attorney General", decided.ComplaintTo);
    }

    [Fact]
    public void Given_appeal_When_filed_with_future_time_Then_invalid_filed_at()
    {
        var error = Denied("VA").Invalid(Appeal() with { FiledAt = Scenario.Now.AddHours(1) });

        Assert.Equal("filedAt", error.Field);
    }
}

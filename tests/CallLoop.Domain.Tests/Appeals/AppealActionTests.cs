using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Appeals;

public class AppealActionTests
{
    private static readonly DateTimeOffset AfterMinnesotaLaw = new(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private static ExtendAppeal Extend(string reason = "The records span several systems.") =>
        new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = reason };

    private static DecideAppeal Decide(AppealOutcome outcome) =>
        new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = outcome, Explanation = "Reviewed." };

    private static Scenario Appealed(string jurisdiction, DateTimeOffset at) =>
        Scenario.Registered(jurisdiction).At(at).GivenRequest("r-1", RightsRequestType.Delete)
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Exempt)
            .Given(new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1" });

    [Theory]
    [InlineData("CO", 45)]
    [InlineData("MN", 45)]
    public void Given_appeal_where_law_allows_more_time_When_extended_Then_due_60_days_later(string jurisdiction, int days)
    {
        var scenario = Appealed(jurisdiction, AfterMinnesotaLaw);

        var extended = Assert.IsType<AppealExtended>(Assert.Single(scenario.When(Extend())));

        Assert.Equal((AfterMinnesotaLaw.AddDays(days), AfterMinnesotaLaw.AddDays(days + 60)), (extended.PreviousDueAt, extended.AppealDueAt));
        var request = scenario.Then(Extend()).Requests["r-1"];
        Assert.Equal((true, AfterMinnesotaLaw.AddDays(days + 60)), (request.AppealExtended, request.AppealDueAt));
    }

    [Fact]
    public void Given_extended_appeal_When_extended_again_Then_refused()
    {
        var scenario = Appealed("CO", AfterMinnesotaLaw).Given(Extend());

        Assert.Equal("appeal-already-extended", scenario.Rejected(Extend()).Rule);
    }

    [Theory]
    [InlineData("VA")]
    [InlineData("TX")]
    public void Given_appeal_where_law_gives_no_extension_When_extended_Then_refused(string jurisdiction)
    {
        Assert.Equal("appeal-extension-not-allowed", Appealed(jurisdiction, AfterMinnesotaLaw).Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_minnesota_request_received_before_its_law_When_appeal_extended_Then_refused_under_company_policy()
    {
        Assert.Equal("appeal-extension-not-allowed", Appealed("MN", new DateTimeOffset(2025, 7, 30, 12, 0, 0, TimeSpan.Zero)).Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_appeal_past_its_due_date_When_extended_Then_refused()
    {
        var scenario = Appealed("CO", AfterMinnesotaLaw).Later(TimeSpan.FromDays(46));

        Assert.Equal("extension-after-due-date", scenario.Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_no_appeal_When_extended_Then_refused()
    {
        var scenario = Scenario.Registered("CO").GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("appeal-not-filed", scenario.Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_reopened_due_days_policy_When_appeal_reversed_Then_request_reopened_due_in_the_configured_days_and_can_be_fulfilled()
    {
        var scenario = Appealed("VA", Scenario.Now).Later(TimeSpan.FromDays(10)).With(new SubjectPolicy { ReopenedDueDays = 20 });
        var decidedAt = scenario.Clock;

        var events = scenario.When(Decide(AppealOutcome.Reversed));

        var reopened = Assert.IsType<RightsRequestReopened>(events[1]);
        Assert.Equal((decidedAt, decidedAt.AddDays(20)), (reopened.ReopenedAt, reopened.DueAt));
        var request = scenario.Then(Decide(AppealOutcome.Reversed)).Requests["r-1"];
        Assert.Equal((RightsRequestStatus.Reopened, decidedAt, (DateTimeOffset?)null, RequestOutcome.Denied, true), (request.Status, request.ReopenedAt, request.CompletedAt, request.FirstOutcome, request.IsOpen));

        var fulfilled = scenario.GivenVerified("r-1").Then(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = RequestOutcome.Fulfilled });
        Assert.Equal((RightsRequestStatus.Completed, RequestOutcome.Fulfilled, false), (fulfilled.Requests["r-1"].Status, fulfilled.Requests["r-1"].Outcome, fulfilled.Requests["r-1"].IsOpen));
        Assert.NotNull(fulfilled.ErasureStartedAt);
    }

    [Fact]
    public void Given_default_policy_When_appeal_reversed_Then_due_in_15_days()
    {
        var scenario = Appealed("VA", Scenario.Now);

        var reopened = Assert.IsType<RightsRequestReopened>(scenario.When(new DecideAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = AppealOutcome.Reversed, Explanation = "We were wrong." })[1]);

        Assert.Equal(Scenario.Now.AddDays(15), reopened.DueAt);
    }

    [Fact]
    public void Given_appeal_When_upheld_Then_not_reopened_and_complaint_route_shown()
    {
        var state = Appealed("NE", Scenario.Now).Then(Decide(AppealOutcome.Upheld));

        var view = SubjectViews.ToView(state.Requests["r-1"]);
        Assert.Equal((RightsRequestStatus.AppealDecided, false, "Nebraska Attorney General"), (state.Requests["r-1"].Status, view.AppealAvailable, view.ComplaintTo));
    }

    [Theory]
    [InlineData("VA", true, "Virginia Attorney General")]
    [InlineData("NY", true, "New York Attorney General")]
    [InlineData("CA", false, "California Privacy Protection Agency")]
    [InlineData("CAN", false, "Office of the Privacy Commissioner of Canada")]
    public void Given_denied_request_When_viewed_Then_appeal_available_where_the_law_gives_one_and_complaint_route(string jurisdiction, bool appealAvailable, string complaintTo)
    {
        var state = Scenario.Registered(jurisdiction).GivenRequest("r-1", RightsRequestType.Delete)
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Exempt).State;

        var view = SubjectViews.ToView(state.Requests["r-1"]);

        Assert.Equal((appealAvailable, complaintTo), (view.AppealAvailable, view.ComplaintTo));
    }

    [Fact]
    public void Given_fulfilled_request_When_viewed_Then_no_appeal_and_no_complaint_route()
    {
        var state = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.OptOutSaleSharing)
            .GivenCompleted("r-1", RequestOutcome.Fulfilled).State;

        var view = SubjectViews.ToView(state.Requests["r-1"]);

        Assert.Equal((false, (string?)null), (view.AppealAvailable, view.ComplaintTo));
    }

    [Theory]
    [InlineData("CO", true)]
    [InlineData("MN", true)]
    [InlineData("VA", false)]
    public void Given_open_appeal_When_viewed_Then_extension_offered_where_the_law_allows_more_time(string jurisdiction, bool offered)
    {
        var state = Appealed(jurisdiction, AfterMinnesotaLaw).State;

        Assert.Equal(offered, SubjectViews.ToView(state.Requests["r-1"]).AppealExtensionAvailable);
    }

    [Fact]
    public void Given_extended_or_decided_appeal_When_viewed_Then_no_extension_offered()
    {
        var extended = Appealed("CO", AfterMinnesotaLaw).Then(Extend());
        var decided = Appealed("CO", AfterMinnesotaLaw).Then(Decide(AppealOutcome.Upheld));

        Assert.Equal((false, false), (SubjectViews.ToView(extended.Requests["r-1"]).AppealExtensionAvailable, SubjectViews.ToView(decided.Requests["r-1"]).AppealExtensionAvailable));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Given_reopened_due_days_out_of_range_When_policy_built_Then_refused(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SubjectPolicy { ReopenedDueDays = days });

        Assert.Equal(nameof(SubjectPolicy.ReopenedDueDays), error.ParamName);
    }
}

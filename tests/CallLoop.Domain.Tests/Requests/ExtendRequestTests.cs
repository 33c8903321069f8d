using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class ExtendRequestTests
{
    private static ExtendRequest Extend(string reason = "Large volume of records to compile.") =>
        new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = reason };

    [Theory]
    [InlineData("VA", 45)]
    [InlineData("FL", 15)]
    [InlineData("NV", 30)]
    public void Given_open_request_When_extended_before_due_Then_due_moves_by_extension_days(string jurisdiction, int extensionDays)
    {
        var scenario = Scenario.Registered(jurisdiction).GivenRequest("r-1", RightsRequestType.KnowCategories);
        var due = scenario.Request("r-1").DueAt;

        var extended = Assert.IsType<RightsRequestExtended>(Assert.Single(scenario.When(Extend())));

        Assert.Equal(due.AddDays(extensionDays), extended.DueAt);
        Assert.Equal(due, extended.PreviousDueAt);
    }

    [Fact]
    public void Given_extended_request_When_extended_again_Then_rejected()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete).Given(Extend());

        Assert.Equal("request-already-extended", scenario.Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_request_past_due_When_extended_Then_rejected()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete).Later(TimeSpan.FromDays(46));

        Assert.Equal("extension-after-due-date", scenario.Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_open_request_When_extended_without_reason_Then_invalid_reason()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("reason", scenario.Invalid(Extend(" ")).Field);
    }

    [Fact]
    public void Given_CA_opt_out_request_When_extended_Then_rejected()
    {
        var scenario = Scenario.Registered("CA").GivenRequest("r-1", RightsRequestType.OptOutSaleSharing);

        Assert.Equal("extension-not-allowed", scenario.Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_completed_request_When_extended_Then_rejected()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete)
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Unverifiable);

        Assert.Equal("request-already-completed", scenario.Rejected(Extend()).Rule);
    }

    [Fact]
    public void Given_unknown_request_When_extended_Then_request_not_found()
    {
        var error = Assert.Throws<RequestNotFoundException>(() => Scenario.Registered("VA").When(Extend()));

        Assert.Equal("r-1", error.RequestId);
    }
}

using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class OpenRequestsTests
{
    [Fact]
    public void Given_received_completed_and_appealed_requests_Then_open_ones_are_those_still_owing_an_answer()
    {
        var scenario = Scenario.Registered("VA")
            .GivenRequest("received", RightsRequestType.KnowCategories)
            .GivenRequest("fulfilled", RightsRequestType.KnowCategories)
            .GivenVerified("fulfilled")
            .GivenCompleted("fulfilled", RequestOutcome.Fulfilled)
            .GivenRequest("appealed", RightsRequestType.Delete)
            .GivenCompleted("appealed", RequestOutcome.Denied, DenialReason.Exempt)
            .Given(new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "appealed" });

        var open = SubjectViews.OpenRequests(scenario.State).Select(r => r.RequestId).ToHashSet();

        Assert.Equal(new HashSet<string> { "received", "appealed" }, open);
    }

    [Fact]
    public void Given_decided_appeal_Then_request_is_no_longer_open()
    {
        var scenario = Scenario.Registered("VA")
            .GivenRequest("r1", RightsRequestType.Delete)
            .GivenCompleted("r1", RequestOutcome.Denied, DenialReason.Exempt)
            .Given(
                new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "r1" },
                new DecideAppeal { SubjectId = Scenario.SubjectId, RequestId = "r1", Outcome = AppealOutcome.Upheld, Explanation = "Records are exempt." });

        Assert.Empty(SubjectViews.OpenRequests(scenario.State));
    }
}

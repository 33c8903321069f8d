using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class NonSubjectRequestTests
{
    private static ReceiveRightsRequest Request(string? jurisdiction, RightsRequestType type = RightsRequestType.Delete) => new()
    {
        SubjectId = Scenario.SubjectId,
        RequestId = "r-1",
        Type = type,
        Channel = RequestChannel.Email,
        Jurisdiction = jurisdiction,
    };

    [Fact]
    public void Given_never_registered_id_When_request_received_with_jurisdiction_Then_recorded_under_that_law()
    {
        var received = Assert.IsType<RightsRequestReceived>(Assert.Single(Scenario.Unregistered().When(Request("ny"))));

        Assert.Equal(("NY", true, Scenario.Now.AddDays(45)), (received.Jurisdiction, received.FromNonSubject, received.DueAt));
    }

    [Fact]
    public void Given_never_registered_id_When_request_received_without_jurisdiction_Then_invalid_jurisdiction()
    {
        Assert.Equal("jurisdiction", Scenario.Unregistered().Invalid(Request(null)).Field);
    }

    [Fact]
    public void Given_registered_subject_When_request_names_another_jurisdiction_Then_the_subjects_law_applies()
    {
        var received = Assert.IsType<RightsRequestReceived>(Assert.Single(Scenario.Registered("CA").When(Request("VA"))));

        Assert.Equal(("CA", false), (received.Jurisdiction, received.FromNonSubject));
    }

    [Fact]
    public void Given_non_subject_request_When_verified_and_denied_not_a_consumer_Then_completed_and_not_registered()
    {
        var scenario = Scenario.Unregistered().Given(Request("CA")).GivenVerified("r-1")
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.NotAConsumer);

        var request = scenario.Request("r-1");
        Assert.Equal((RequestOutcome.Denied, DenialReason.NotAConsumer, true, false), (request.Outcome, request.DenialReason, request.FromNonSubject, scenario.State.IsRegistered));
    }

    [Fact]
    public void Given_non_subject_delete_request_When_fulfilled_Then_refused_requester_not_a_subject()
    {
        var scenario = Scenario.Unregistered().Given(Request("CA")).GivenVerified("r-1");

        Assert.Equal("requester-not-a-subject", scenario.Rejected(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = RequestOutcome.Fulfilled }).Rule);
    }

    [Fact]
    public void Given_non_subject_opt_out_request_When_fulfilled_Then_opted_out_awaiting_registration()
    {
        var scenario = Scenario.Unregistered().Given(Request("CA", RightsRequestType.OptOutSaleSharing));

        var state = scenario.Then(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = RequestOutcome.Fulfilled });

        Assert.True(state.IsOptedOut(OptOutScope.Sale));
    }

    [Fact]
    public void Given_never_registered_id_without_requests_When_a_step_is_taken_Then_subject_not_found()
    {
        Assert.Throws<SubjectNotFoundException>(() => Scenario.Unregistered().When(new ExtendRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = "busy" }));
    }
}

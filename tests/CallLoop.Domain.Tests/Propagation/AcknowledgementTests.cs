using CallLoop.Domain;
using static CallLoop.Domain.Tests.Propagation.PropagationScenario;

namespace CallLoop.Domain.Tests.Propagation;

public class AcknowledgementTests
{
    private const long ErasureSequence = 200;

    private static readonly SubjectPolicy AwaitProcessors = new() { DeleteRequiresAcknowledgements = true };

    private static Scenario DeleteFulfilled(bool awaitProcessors = true) => Subject()
        .With(awaitProcessors ? AwaitProcessors : SubjectPolicy.Default)
        .GivenRequest("r-del", RightsRequestType.Delete)
        .GivenVerified("r-del")
        .Given(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-del", Outcome = RequestOutcome.Fulfilled });

    [Fact]
    public void Given_switch_on_When_delete_request_fulfilled_Then_erasure_starts_and_request_awaits_processors()
    {
        var scenario = Subject().With(AwaitProcessors).GivenRequest("r-del", RightsRequestType.Delete).GivenVerified("r-del");

        var events = scenario.When(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-del", Outcome = RequestOutcome.Fulfilled });

        Assert.IsType<RightsRequestAwaitingProcessors>(events[0]);
        Assert.IsType<ErasureStarted>(events[1]);
        Assert.DoesNotContain(events, e => e is RightsRequestCompleted);
        var request = scenario.Then(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-del", Outcome = RequestOutcome.Fulfilled }).Requests["r-del"];
        Assert.Equal(RightsRequestStatus.AwaitingProcessors, request.Status);
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void Given_switch_off_When_delete_request_fulfilled_Then_completed_at_once()
    {
        Assert.Equal(RightsRequestStatus.Completed, DeleteFulfilled(awaitProcessors: false).Request("r-del").Status);
    }

    [Fact]
    public void Given_awaiting_request_When_completed_again_Then_rejected()
    {
        var error = DeleteFulfilled().Rejected(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-del", Outcome = RequestOutcome.Fulfilled });

        Assert.Equal("awaiting-processors", error.Rule);
    }

    [Fact]
    public void Given_awaiting_request_When_one_of_two_processors_acknowledges_Then_still_awaiting_and_record_shows_who()
    {
        var scenario = DeleteFulfilled().Given(Plan(ErasureSequence, PropagationAction.Erase, "r-del"));

        var events = scenario.When(Ack(ErasureSequence, MailHouse));
        var view = SubjectViews.ToRequestView(scenario.Then(Ack(ErasureSequence, MailHouse)), "r-del");

        Assert.IsType<ProcessorAcknowledged>(Assert.Single(events));
        Assert.Equal("awaiting-processors", view.Status);
        Assert.Equal([Analytics, MailHouse], view.ProcessorsNotified);
        Assert.Equal([MailHouse], view.ProcessorsAcknowledged);
        Assert.Equal([Analytics], view.ProcessorsNotYetAcknowledged);
    }

    [Fact]
    public void Given_awaiting_request_When_last_processor_acknowledges_Then_request_completed_fulfilled()
    {
        var scenario = DeleteFulfilled().Given(Plan(ErasureSequence, PropagationAction.Erase, "r-del"), Ack(ErasureSequence, MailHouse));

        var events = scenario.When(Ack(ErasureSequence, Analytics));

        var completed = Assert.IsType<RightsRequestCompleted>(events[1]);
        Assert.Equal(RequestOutcome.Fulfilled, completed.Outcome);
        Assert.Equal(RightsRequestStatus.Completed, scenario.Then(Ack(ErasureSequence, Analytics)).Requests["r-del"].Status);
    }

    [Fact]
    public void Given_awaiting_request_and_no_affected_processor_When_planned_Then_completed_with_the_plan()
    {
        var scenario = Scenario.Registered().With(AwaitProcessors).GivenRequest("r-del", RightsRequestType.Delete).GivenVerified("r-del")
            .Given(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-del", Outcome = RequestOutcome.Fulfilled });

        var events = scenario.When(Plan(ErasureSequence, PropagationAction.Erase, "r-del"));

        Assert.Empty(Assert.IsType<PropagationPlanned>(events[0]).Deliveries);
        Assert.IsType<RightsRequestCompleted>(events[1]);
    }

    [Fact]
    public void Given_acknowledged_When_acknowledged_again_Then_nothing_appended()
    {
        var scenario = DeleteFulfilled().Given(Plan(ErasureSequence, PropagationAction.Erase, "r-del"), Ack(ErasureSequence, MailHouse));

        Assert.Empty(scenario.When(Ack(ErasureSequence, MailHouse)));
    }

    [Fact]
    public void Given_delivery_of_another_processor_When_acknowledged_Then_unknown_delivery()
    {
        var scenario = DeleteFulfilled().Given(Plan(ErasureSequence, PropagationAction.Erase, "r-del"));

        var error = scenario.Rejected(new AcknowledgeDelivery { SubjectId = Scenario.SubjectId, DeliveryId = Delivery(ErasureSequence, MailHouse), Processor = Analytics });

        Assert.Equal("unknown-delivery", error.Rule);
    }

    [Fact]
    public void Given_no_such_delivery_When_acknowledged_Then_unknown_delivery()
    {
        Assert.Equal("unknown-delivery", Subject().Rejected(Ack(1, MailHouse)).Rule);
    }
}

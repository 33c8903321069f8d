using CallLoop.Domain;
using static CallLoop.Domain.Tests.Propagation.PropagationScenario;

namespace CallLoop.Domain.Tests.Propagation;

public class WaiverTests
{
    private const long ErasureSequence = 200;

    private static Scenario Awaiting() => Subject()
        .With(new SubjectPolicy { DeleteRequiresAcknowledgements = true })
        .GivenRequest("r-del", RightsRequestType.Delete)
        .GivenVerified("r-del")
        .Given(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-del", Outcome = RequestOutcome.Fulfilled })
        .Given(Plan(ErasureSequence, PropagationAction.Erase, "r-del"));

    private static WaiveDelivery Waive(string processor, string reason = "Went out of business; confirmed by phone.", string waivedBy = "admin-1") => new()
    {
        SubjectId = Scenario.SubjectId,
        DeliveryId = Delivery(ErasureSequence, processor),
        Reason = reason,
        WaivedBy = waivedBy,
    };

    [Fact]
    public void Given_awaiting_request_When_one_of_two_deliveries_waived_Then_still_awaiting_and_view_shows_the_waiver_apart_from_acknowledgements()
    {
        var scenario = Awaiting();

        var waived = Assert.IsType<ProcessorDeliveryWaived>(Assert.Single(scenario.When(Waive(Analytics))));
        var state = scenario.Then(Waive(Analytics));
        var view = SubjectViews.ToRequestView(state, "r-del");

        Assert.Equal(("r-del", Analytics, "admin-1"), (waived.RequestId, waived.Processor, waived.WaivedBy));
        Assert.Equal("awaiting-processors", view.Status);
        Assert.Empty(view.ProcessorsAcknowledged);
        Assert.Equal([MailHouse], view.ProcessorsNotYetAcknowledged);
        var waiver = Assert.Single(view.ProcessorsWaived);
        Assert.Equal((Analytics, "Went out of business; confirmed by phone.", "admin-1", Scenario.Now), (waiver.Processor, waiver.Reason, waiver.WaivedBy, waiver.WaivedAt));
        Assert.Equal(DeliveryStatus.Waived, state.Propagation.Deliveries[Delivery(ErasureSequence, Analytics)].Status);
    }

    [Fact]
    public void Given_other_processor_acknowledged_When_last_delivery_waived_Then_request_completes_in_the_same_decision()
    {
        var scenario = Awaiting().Given(Ack(ErasureSequence, MailHouse));

        var events = scenario.When(Waive(Analytics));

        Assert.IsType<ProcessorDeliveryWaived>(events[0]);
        Assert.Equal(RequestOutcome.Fulfilled, Assert.IsType<RightsRequestCompleted>(events[1]).Outcome);
        var request = scenario.Then(Waive(Analytics)).Requests["r-del"];
        Assert.Equal(RightsRequestStatus.Completed, request.Status);
        Assert.Equal([MailHouse], request.ProcessorsAcknowledged);
        Assert.Equal([Analytics], request.ProcessorsWaived.Select(w => w.Processor));
    }

    [Fact]
    public void Given_dead_lettered_delivery_When_waived_Then_no_later_attempt_is_recorded()
    {
        var scenario = Awaiting().Given(Attempt(ErasureSequence, Analytics, 1, failure: "timeout", last: true), Waive(Analytics));

        Assert.Empty(scenario.When(Attempt(ErasureSequence, Analytics, 2, status: 200)));
    }

    [Fact]
    public void Given_waived_When_processor_acknowledges_late_Then_recorded_without_completing_twice()
    {
        var scenario = Awaiting().Given(Ack(ErasureSequence, MailHouse), Waive(Analytics));

        Assert.IsType<ProcessorAcknowledged>(Assert.Single(scenario.When(Ack(ErasureSequence, Analytics))));
    }

    [Fact]
    public void Given_acknowledged_When_waived_Then_rejected_as_settled()
    {
        Assert.Equal("delivery-settled", Awaiting().Given(Ack(ErasureSequence, MailHouse)).Rejected(Waive(MailHouse)).Rule);
    }

    [Fact]
    public void Given_waived_When_waived_again_Then_rejected_as_settled()
    {
        Assert.Equal("delivery-settled", Awaiting().Given(Waive(MailHouse)).Rejected(Waive(MailHouse, "another reason")).Rule);
    }

    [Fact]
    public void Given_unknown_delivery_When_waived_Then_delivery_not_found()
    {
        var command = Waive(MailHouse) with { DeliveryId = "dl-unknown" };

        Assert.Throws<DeliveryNotFoundException>(() => Awaiting().When(command));
    }

    [Theory]
    [InlineData("", "admin-1", "reason")]
    [InlineData("   ", "admin-1", "reason")]
    [InlineData("ok", "", "waivedBy")]
    public void Given_missing_reason_or_waiver_When_waived_Then_invalid_naming_the_field(string reason, string waivedBy, string field)
    {
        Assert.Equal(field, Awaiting().Invalid(Waive(MailHouse, reason, waivedBy)).Field);
    }

    [Fact]
    public void Given_reason_over_1024_characters_When_waived_Then_invalid_and_message_does_not_echo_it()
    {
        var error = Awaiting().Invalid(Waive(MailHouse, "Pat Example " + new string('x', 1020)));

        Assert.Equal("reason", error.Field);
        Assert.DoesNotContain("Pat Example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_waiver_without_request_When_waived_Then_delivery_settled_and_no_request_touched()
    {
        var scenario = Subject().Given(Plan(100, PropagationAction.OptOut));
        var command = new WaiveDelivery { SubjectId = Scenario.SubjectId, DeliveryId = Delivery(100, MailHouse), Reason = "Confirmed by email.", WaivedBy = "admin-1" };

        var state = scenario.Then(command);

        Assert.Equal(DeliveryStatus.Waived, state.Propagation.Deliveries[Delivery(100, MailHouse)].Status);
        Assert.Equal("admin-1", state.Propagation.Deliveries[Delivery(100, MailHouse)].WaivedBy);
    }
}

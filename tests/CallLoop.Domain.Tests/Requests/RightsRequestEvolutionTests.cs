using CallLoop.Domain;
using CallLoop.Domain.Tests.Serialization;
using static CallLoop.Domain.Tests.Propagation.PropagationScenario;

namespace CallLoop.Domain.Tests.Requests;

public class RightsRequestEvolutionTests
{
    private const long FirstCorrection = 100;
    private const long SecondCorrection = 101;

    /// <summary>A correct request whose two corrections each owe the mail house a webhook.</summary>
    private static Scenario TwoCorrections() => Subject()
        .GivenRequest("r-fix", RightsRequestType.Correct)
        .Given(
            Plan(FirstCorrection, PropagationAction.Correct, "r-fix", PersonalInformationCategory.Identifiers),
            Plan(SecondCorrection, PropagationAction.Correct, "r-fix", PersonalInformationCategory.Identifiers));

    [Fact]
    public void Given_two_deliveries_about_a_request_When_the_processor_acknowledges_one_Then_it_has_not_acknowledged_the_request()
    {
        var request = TwoCorrections().Given(Ack(FirstCorrection, MailHouse)).Request("r-fix");

        Assert.Equal([MailHouse], request.ProcessorsAwaited);
        Assert.Empty(request.ProcessorsAcknowledged);
        Assert.Equal([Delivery(SecondCorrection, MailHouse)], request.DeliveriesNotYetAcknowledged.Select(d => d.DeliveryId));
    }

    [Fact]
    public void Given_two_deliveries_about_a_request_When_both_are_acknowledged_Then_the_processor_has_acknowledged_the_request()
    {
        var request = TwoCorrections().Given(Ack(SecondCorrection, MailHouse), Ack(FirstCorrection, MailHouse)).Request("r-fix");

        Assert.Equal([MailHouse], request.ProcessorsAcknowledged);
        Assert.Empty(request.DeliveriesNotYetAcknowledged);
    }

    [Fact]
    public void Given_an_acknowledged_processor_When_a_newer_delivery_about_the_request_is_planned_Then_it_is_awaited_again()
    {
        var scenario = Subject().GivenRequest("r-fix", RightsRequestType.Correct)
            .Given(Plan(FirstCorrection, PropagationAction.Correct, "r-fix", PersonalInformationCategory.Identifiers), Ack(FirstCorrection, MailHouse));
        Assert.Equal([MailHouse], scenario.Request("r-fix").ProcessorsAcknowledged);

        var request = scenario.Given(Plan(SecondCorrection, PropagationAction.Correct, "r-fix", PersonalInformationCategory.Identifiers)).Request("r-fix");

        Assert.Empty(request.ProcessorsAcknowledged);
    }

    [Fact]
    public void Given_an_event_about_another_request_When_folded_Then_the_request_is_unchanged()
    {
        var request = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).Request("r-1");

        var after = RightsRequestEvolution.Evolve(request, new IdentityVerified { RequestId = "r-2", VerifiedAt = Scenario.Now, Method = VerificationMethod.Login });

        Assert.Same(request, after);
    }

    [Fact]
    public void Every_event_that_names_a_request_is_one_the_fold_subscribes_to()
    {
        var naming = SampleEvents.All.Where(e => RightsRequestEvolution.RequestIdOf(e) is not null).Select(e => e.GetType()).ToHashSet();

        Assert.Equal(RightsRequestEvolution.EventTypes.Select(t => t.Name).Order(), naming.Select(t => t.Name).Order());
    }
}

using CallLoop.Domain;
using static CallLoop.Domain.Tests.Propagation.PropagationScenario;

namespace CallLoop.Domain.Tests.Propagation;

public class DeliveryAttemptTests
{
    private static Scenario Planned() => Subject().Given(Plan(100, PropagationAction.Erase));

    [Fact]
    public void Given_planned_delivery_When_attempt_fails_Then_failure_recorded_and_delivery_still_pending()
    {
        var scenario = Planned();

        var failed = Assert.IsType<WebhookAttemptFailed>(Assert.Single(scenario.When(Attempt(100, MailHouse, 1, failure: "http-503"))));
        var state = scenario.Then(Attempt(100, MailHouse, 1, failure: "http-503"));

        Assert.Equal("http-503", failed.Failure);
        Assert.Equal(DeliveryStatus.Pending, state.Propagation.Deliveries[Delivery(100, MailHouse)].Status);
        Assert.Equal(1, state.Propagation.Deliveries[Delivery(100, MailHouse)].Attempts);
    }

    [Fact]
    public void Given_failed_attempts_When_last_attempt_fails_Then_dead_lettered()
    {
        var scenario = Planned().Given(Attempt(100, MailHouse, 1, failure: "timeout"));

        var events = scenario.When(Attempt(100, MailHouse, 2, failure: "timeout", last: true));

        Assert.IsType<WebhookAttemptFailed>(events[0]);
        Assert.Equal(2, Assert.IsType<WebhookDeadLettered>(events[1]).Attempts);
        Assert.Equal(DeliveryStatus.DeadLettered, scenario.Then(Attempt(100, MailHouse, 2, failure: "timeout", last: true)).Propagation.Deliveries[Delivery(100, MailHouse)].Status);
    }

    [Fact]
    public void Given_delivered_When_attempt_recorded_again_Then_nothing_appended()
    {
        var scenario = Planned().Given(Attempt(100, MailHouse, 1, status: 200));

        Assert.Empty(scenario.When(Attempt(100, MailHouse, 2, status: 200)));
        Assert.Empty(scenario.When(Attempt(100, MailHouse, 2, failure: "timeout")));
    }

    [Fact]
    public void Given_attempt_recorded_When_same_attempt_recorded_again_Then_nothing_appended()
    {
        Assert.Empty(Planned().Given(Attempt(100, MailHouse, 1, failure: "timeout")).When(Attempt(100, MailHouse, 1, failure: "timeout")));
    }

    [Fact]
    public void Given_unknown_delivery_When_attempt_recorded_Then_rejected()
    {
        Assert.Equal("unknown-delivery", Planned().Rejected(Attempt(999, MailHouse, 1, status: 200)).Rule);
    }

    [Fact]
    public void Given_both_status_and_failure_When_recorded_Then_invalid()
    {
        Assert.Equal("failure", Planned().Invalid(Attempt(100, MailHouse, 1, status: 200, failure: "timeout")).Field);
    }
}

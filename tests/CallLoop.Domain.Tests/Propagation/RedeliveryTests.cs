using CallLoop.Domain;
using static CallLoop.Domain.Tests.Propagation.PropagationScenario;

namespace CallLoop.Domain.Tests.Propagation;

public class RedeliveryTests
{
    private static Scenario Planned() => Subject().Given(Plan(100, PropagationAction.Erase));

    private static Scenario DeadLettered() => Planned().Given(
        Attempt(100, MailHouse, 1, failure: "timeout"),
        Attempt(100, MailHouse, 2, failure: "timeout", last: true));

    private static RedeliverWebhook Redeliver(string deliveryId, string? reason = null) =>
        new() { SubjectId = Scenario.SubjectId, DeliveryId = deliveryId, Reason = reason };

    [Fact]
    public void Given_dead_lettered_delivery_When_redelivered_Then_pending_again_with_a_fresh_retry_budget()
    {
        var scenario = DeadLettered();

        var requested = Assert.IsType<WebhookRedeliveryRequested>(Assert.Single(scenario.When(Redeliver(Delivery(100, MailHouse), "endpoint fixed"))));
        var delivery = scenario.Then(Redeliver(Delivery(100, MailHouse), "endpoint fixed")).Propagation.Deliveries[Delivery(100, MailHouse)];

        Assert.Equal((MailHouse, 2, "endpoint fixed"), (requested.Processor, requested.PreviousAttempts, requested.Reason));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(0, delivery.AttemptsThisRound);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(1, delivery.Redeliveries);
    }

    [Fact]
    public void Given_redelivered_When_next_attempt_succeeds_Then_delivered_and_an_old_attempt_number_is_still_a_duplicate()
    {
        var scenario = DeadLettered().Given(Redeliver(Delivery(100, MailHouse)));

        Assert.Empty(scenario.When(Attempt(100, MailHouse, 2, failure: "timeout", last: true)));
        var delivered = Assert.IsType<WebhookDelivered>(Assert.Single(scenario.When(Attempt(100, MailHouse, 3, status: 200))));

        Assert.Equal(3, delivered.Attempt);
        Assert.Equal(DeliveryStatus.Delivered, scenario.Then(Attempt(100, MailHouse, 3, status: 200)).Propagation.Deliveries[Delivery(100, MailHouse)].Status);
    }

    [Fact]
    public void Given_redelivered_When_the_new_round_fails_Then_dead_lettered_again()
    {
        var scenario = DeadLettered().Given(Redeliver(Delivery(100, MailHouse)), Attempt(100, MailHouse, 3, failure: "http-500"));

        var state = scenario.Then(Attempt(100, MailHouse, 4, failure: "http-500", last: true));

        Assert.Equal(DeliveryStatus.DeadLettered, state.Propagation.Deliveries[Delivery(100, MailHouse)].Status);
        Assert.Equal(2, state.Propagation.Deliveries[Delivery(100, MailHouse)].AttemptsThisRound);
    }

    [Fact]
    public void Given_failing_pending_delivery_When_redelivered_Then_accepted()
    {
        var scenario = Planned().Given(Attempt(100, MailHouse, 1, failure: "http-503"));

        Assert.IsType<WebhookRedeliveryRequested>(Assert.Single(scenario.When(Redeliver(Delivery(100, MailHouse)))));
    }

    [Fact]
    public void Given_delivered_When_redelivered_Then_rejected_as_not_failed()
    {
        var scenario = Planned().Given(Attempt(100, MailHouse, 1, status: 200));

        Assert.Equal("delivery-not-failed", scenario.Rejected(Redeliver(Delivery(100, MailHouse))).Rule);
    }

    [Fact]
    public void Given_acknowledged_When_redelivered_Then_rejected_as_not_failed()
    {
        var scenario = DeadLettered().Given(Ack(100, MailHouse));

        Assert.Equal("delivery-not-failed", scenario.Rejected(Redeliver(Delivery(100, MailHouse))).Rule);
    }

    [Fact]
    public void Given_pending_delivery_without_a_failure_When_redelivered_Then_rejected_as_not_failed()
    {
        Assert.Equal("delivery-not-failed", Planned().Rejected(Redeliver(Delivery(100, MailHouse))).Rule);
    }

    [Fact]
    public void Given_waived_When_redelivered_Then_rejected_as_not_failed()
    {
        var scenario = DeadLettered().Given(new WaiveDelivery { SubjectId = Scenario.SubjectId, DeliveryId = Delivery(100, MailHouse), Reason = "closed", WaivedBy = "admin-1" });

        Assert.Equal("delivery-not-failed", scenario.Rejected(Redeliver(Delivery(100, MailHouse))).Rule);
    }

    [Fact]
    public void Given_unknown_delivery_When_redelivered_Then_delivery_not_found()
    {
        var error = Assert.Throws<DeliveryNotFoundException>(() => DeadLettered().When(Redeliver("dl-unknown")));

        Assert.Equal("dl-unknown", error.DeliveryId);
    }

    [Theory]
    [InlineData("", "deliveryId")]
    [InlineData("dl/../x", "deliveryId")]
    public void Given_malformed_delivery_id_When_redelivered_Then_invalid_naming_the_field(string deliveryId, string field)
    {
        Assert.Equal(field, DeadLettered().Invalid(Redeliver(deliveryId)).Field);
    }

    [Fact]
    public void Given_reason_over_the_limit_When_redelivered_Then_invalid_naming_reason()
    {
        Assert.Equal("reason", DeadLettered().Invalid(Redeliver(Delivery(100, MailHouse), new string('x', 1025))).Field);
    }
}

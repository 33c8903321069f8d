using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class ReceiveRightsRequestTests
{
    private static ReceiveRightsRequest Receive(RightsRequestType type = RightsRequestType.Delete, AuthorizedAgent? agent = null, DateTimeOffset? receivedAt = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        RequestId = "r-1",
        Type = type,
        Channel = RequestChannel.WebForm,
        Agent = agent,
        ReceivedAt = receivedAt,
    };

    [Theory]
    [InlineData("UT")]
    [InlineData("IA")]
    public void Given_subject_where_law_gives_no_correction_When_correct_request_received_Then_rejected(string jurisdiction)
    {
        var error = Scenario.Registered(jurisdiction).Rejected(Receive(RightsRequestType.Correct));

        Assert.Equal("right-not-offered", error.Rule);
    }

    [Fact]
    public void Given_CA_subject_When_correct_request_received_Then_received()
    {
        Assert.Single(Scenario.Registered("CA").When(Receive(RightsRequestType.Correct)));
    }

    [Fact]
    public void Given_received_request_When_same_request_id_received_again_Then_no_events()
    {
        var scenario = Scenario.Registered().Given(Receive());

        Assert.Empty(scenario.When(Receive(RightsRequestType.KnowCategories)));
    }

    [Fact]
    public void Given_agent_without_proof_When_request_received_Then_invalid_agent_proof()
    {
        var error = Scenario.Registered().Invalid(Receive(agent: new AuthorizedAgent { Name = "Agent Co", ProofOfAuthorization = "" }));

        Assert.Equal("agent.proofOfAuthorization", error.Field);
    }

    [Fact]
    public void Given_agent_with_proof_When_request_received_Then_agent_recorded()
    {
        var agent = new AuthorizedAgent { Name = "Agent Co", ProofOfAuthorization = "signed-permission-2025-03-01.pdf" };

        var received = Assert.IsType<RightsRequestReceived>(Assert.Single(Scenario.Registered().When(Receive(agent: agent))));

        Assert.Equal(agent, received.Agent);
    }

    [Fact]
    public void Given_any_subject_When_received_at_more_than_5_minutes_ahead_Then_invalid_received_at()
    {
        var error = Scenario.Registered().Invalid(Receive(receivedAt: Scenario.Now.AddMinutes(6)));

        Assert.Equal("receivedAt", error.Field);
    }

    [Fact]
    public void Given_any_subject_When_received_at_within_clock_skew_Then_clock_starts_there()
    {
        var receivedAt = Scenario.Now.AddMinutes(4);

        var received = Assert.IsType<RightsRequestReceived>(Assert.Single(Scenario.Registered("VA").When(Receive(receivedAt: receivedAt))));

        Assert.Equal(receivedAt.AddDays(45), received.DueAt);
    }

    [Fact]
    public void Given_any_subject_When_request_id_malformed_Then_invalid_request_id()
    {
        var error = Scenario.Registered().Invalid(Receive() with { RequestId = "r 1" });

        Assert.Equal("requestId", error.Field);
    }

    [Fact]
    public void Given_any_subject_When_request_type_undefined_Then_invalid_type()
    {
        var error = Scenario.Registered().Invalid(Receive((RightsRequestType)99));

        Assert.Equal("type", error.Field);
    }
}

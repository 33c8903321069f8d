using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Deadlines;

public class DeadlineFactsTests
{
    private static MarkRequestDueSoon DueSoon() => new() { SubjectId = Scenario.SubjectId, RequestId = "r-1" };

    private static MarkRequestOverdue Overdue() => new() { SubjectId = Scenario.SubjectId, RequestId = "r-1" };

    [Fact]
    public void Given_open_request_When_marked_due_soon_Then_fact_names_deadline_type_and_law_and_record_shows_it()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);
        var dueAt = scenario.Request("r-1").DueAt;

        var fact = Assert.IsType<RightsRequestDueSoon>(Assert.Single(scenario.When(DueSoon())));
        var record = scenario.Given(DueSoon()).Request("r-1");

        Assert.Equal((RightsRequestType.Delete, "CA", dueAt), (fact.Type, fact.Jurisdiction, fact.DueAt));
        Assert.Equal(Scenario.Now, record.DueSoonWarnedAt);
        Assert.Equal(dueAt, record.DueSoonWarnedFor);
    }

    [Fact]
    public void Given_request_already_warned_When_marked_due_soon_again_Then_nothing()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).Given(DueSoon());

        Assert.Empty(scenario.When(DueSoon()));
    }

    [Fact]
    public void Given_warned_request_extended_When_marked_due_soon_Then_warned_again_for_the_new_deadline()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).Given(DueSoon())
            .Given(new ExtendRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = "Records are spread over many systems." });

        var fact = Assert.IsType<RightsRequestDueSoon>(Assert.Single(scenario.When(DueSoon())));

        Assert.Equal(scenario.Request("r-1").DueAt, fact.DueAt);
    }

    [Fact]
    public void Given_completed_request_When_marked_due_soon_or_overdue_Then_nothing()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.KnowSpecific)
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Unverifiable)
            .Later(TimeSpan.FromDays(90));

        Assert.Empty(scenario.When(DueSoon()));
        Assert.Empty(scenario.When(Overdue()));
    }

    [Fact]
    public void Given_open_request_before_deadline_When_marked_overdue_Then_rejected()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("request-not-yet-due", scenario.Rejected(Overdue()).Rule);
    }

    [Fact]
    public void Given_open_request_past_deadline_When_marked_overdue_Then_fact_recorded_once()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);
        var dueAt = scenario.Request("r-1").DueAt;
        scenario.At(dueAt);

        var fact = Assert.IsType<RightsRequestOverdue>(Assert.Single(scenario.When(Overdue())));
        scenario.Given(Overdue());

        Assert.Equal(dueAt, fact.DueAt);
        Assert.Equal(dueAt, scenario.Request("r-1").OverdueAt);
        Assert.Empty(scenario.When(Overdue()));
        Assert.Empty(scenario.When(DueSoon()));
    }

    [Fact]
    public void Given_unknown_request_When_marked_overdue_Then_request_not_found()
    {
        var scenario = Scenario.Registered();

        Assert.Throws<RequestNotFoundException>(() => scenario.When(Overdue()));
    }
}

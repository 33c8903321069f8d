using CallLoop.Domain;
using CallLoop.Grains.Deadlines;
using CallLoop.Integration.Tests.Publication;

namespace CallLoop.Integration.Tests.Deadlines;

[Collection(PublicationCollection.Name)]
public sealed class RequestDeadlineTests(PublicationClusterFixture fixture)
{
    [Fact]
    public async Task Given_open_request_nearing_its_deadline_When_reminders_fire_Then_due_soon_then_overdue_are_recorded_once_and_reminders_end()
    {
        var scenario = DeadlineScenario.New(fixture.Grains);
        await scenario.GivenRequestDueInAsync(TimeSpan.FromSeconds(4));

        var history = await scenario.WhenRecordedAsync(typeof(RightsRequestDueSoon), typeof(RightsRequestOverdue));
        await scenario.WhenRemindersAreAsync();

        Assert.Single(history, h => h.Event is RightsRequestDueSoon);
        Assert.Single(history, h => h.Event is RightsRequestOverdue);
        var request = (await scenario.Subject.GetProfileAsync()).Requests.Single();
        Assert.NotNull(request.DueSoonWarnedAt);
        Assert.True(request.OverdueAt >= request.DueAt);
    }

    [Fact]
    public async Task Given_scheduled_reminders_When_request_is_completed_Then_reminders_are_removed_and_no_fact_is_recorded()
    {
        var scenario = DeadlineScenario.New(fixture.Grains);
        await scenario.GivenRequestDueInAsync(TimeSpan.FromDays(30), RightsRequestType.KnowCategories);
        await scenario.WhenRemindersAreAsync(RequestDeadlineGrain.DueSoon, RequestDeadlineGrain.Overdue);

        await scenario.Subject.ExecuteAsync(new CompleteRequest
        {
            SubjectId = scenario.SubjectId,
            RequestId = DeadlineScenario.RequestId,
            Outcome = RequestOutcome.Denied,
            DenialReason = DenialReason.Unverifiable,
            Explanation = "The requester could not be verified.",
        });

        await scenario.WhenRemindersAreAsync();
        var history = await scenario.Subject.GetHistoryAsync();
        Assert.DoesNotContain(history, h => h.Event is RightsRequestDueSoon or RightsRequestOverdue);
    }
}

using CallLoop.Domain;
using CallLoop.Grains.Deadlines;
using CallLoop.Integration.Tests.Publication;

namespace CallLoop.Integration.Tests.Deadlines;

[Collection(PublicationCollection.Name)]
public sealed class ConfirmationAndAppealReminderTests(PublicationClusterFixture fixture)
{
    [Fact]
    public async Task Given_unconfirmed_request_past_its_confirmation_date_When_reminders_fire_Then_confirmation_overdue_is_recorded_once_and_the_view_shows_it()
    {
        var scenario = DeadlineScenario.New(fixture.Grains);
        await scenario.GivenRequestDueInAsync(TimeSpan.FromDays(30));

        var history = await scenario.WhenRecordedAsync(typeof(RequestDeadlineOverdue));
        await scenario.WhenRemindersAreAsync(RequestDeadlineGrain.DueSoon, RequestDeadlineGrain.Overdue);

        var overdue = Assert.IsType<RequestDeadlineOverdue>(Assert.Single(history, h => h.Event is RequestDeadlineOverdue).Event);
        var request = (await scenario.Subject.GetProfileAsync()).Requests.Single();
        Assert.Equal((RequestDeadlineKind.ReceiptConfirmation, request.ConfirmationDueAt), (overdue.Deadline, (DateTimeOffset?)overdue.DueAt));
        Assert.True(request.ConfirmationOverdueAt >= request.ConfirmationDueAt);
        Assert.Null(request.OverdueAt);
    }

    [Fact]
    public async Task Given_denied_virginia_request_When_appeal_filed_then_decided_Then_appeal_reminders_are_armed_then_removed()
    {
        var scenario = DeadlineScenario.New(fixture.Grains);
        await scenario.GivenRequestDueInAsync(TimeSpan.FromDays(30), jurisdiction: "VA");
        await scenario.Subject.ExecuteAsync(new ConfirmReceipt { SubjectId = scenario.SubjectId, RequestId = DeadlineScenario.RequestId });
        await scenario.Subject.ExecuteAsync(new CompleteRequest
        {
            SubjectId = scenario.SubjectId,
            RequestId = DeadlineScenario.RequestId,
            Outcome = RequestOutcome.Denied,
            DenialReason = DenialReason.Exempt,
            Explanation = "The records are kept for a legal claim.",
        });
        await scenario.WhenRemindersAreAsync();

        var appealed = await scenario.Subject.ExecuteAsync(new FileAppeal { SubjectId = scenario.SubjectId, RequestId = DeadlineScenario.RequestId });
        await scenario.WhenRemindersAreAsync(RequestDeadlineGrain.AppealDueSoon, RequestDeadlineGrain.AppealOverdue);
        await scenario.Subject.ExecuteAsync(new DecideAppeal
        {
            SubjectId = scenario.SubjectId,
            RequestId = DeadlineScenario.RequestId,
            Outcome = AppealOutcome.Upheld,
            Explanation = "Reviewed.",
        });

        await scenario.WhenRemindersAreAsync();
        Assert.NotNull(appealed.Requests.Single().AppealDueAt);
        var history = await scenario.Subject.GetHistoryAsync();
        Assert.DoesNotContain(history, h => h.Event is RequestDeadlineDueSoon or RequestDeadlineOverdue);
    }
}

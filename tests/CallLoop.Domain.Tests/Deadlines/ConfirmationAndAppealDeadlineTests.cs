using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Deadlines;

public class ConfirmationAndAppealDeadlineTests
{
    private static MarkRequestDueSoon DueSoon(RequestDeadlineKind deadline) =>
        new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Deadline = deadline };

    private static MarkRequestOverdue Overdue(RequestDeadlineKind deadline) =>
        new() { SubjectId = Scenario.SubjectId, RequestId = "r-1", Deadline = deadline };

    private static Scenario Appealed(string jurisdiction) =>
        Scenario.Registered(jurisdiction).GivenRequest("r-1", RightsRequestType.Delete)
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Exempt)
            .Given(new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1" });

    [Fact]
    public void Given_california_request_received_monday_noon_utc_When_received_Then_confirmation_due_ten_business_days_later_in_new_york_time()
    {
        // 2025-03-03 12:00 UTC is 07:00 in New York; ten New York business days later is 2025-03-17 07:00 EDT (11:00 UTC).
        var request = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).Request("r-1");

        Assert.Equal(new DateTimeOffset(2025, 3, 17, 11, 0, 0, TimeSpan.Zero), request.ConfirmationDueAt);
    }

    [Fact]
    public void Given_unconfirmed_request_When_confirmation_marked_due_soon_Then_fact_names_the_confirmation_deadline_and_record_shows_it()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);
        var confirmationDueAt = scenario.Request("r-1").ConfirmationDueAt;

        var fact = Assert.IsType<RequestDeadlineDueSoon>(Assert.Single(scenario.When(DueSoon(RequestDeadlineKind.ReceiptConfirmation))));
        var record = scenario.Given(DueSoon(RequestDeadlineKind.ReceiptConfirmation)).Request("r-1");

        Assert.Equal((RequestDeadlineKind.ReceiptConfirmation, "CA", confirmationDueAt), (fact.Deadline, fact.Jurisdiction, (DateTimeOffset?)fact.DueAt));
        Assert.Equal(Scenario.Now, record.ConfirmationDueSoonWarnedAt);
        Assert.Null(record.DueSoonWarnedAt);
        Assert.Empty(scenario.When(DueSoon(RequestDeadlineKind.ReceiptConfirmation)));
    }

    [Fact]
    public void Given_unconfirmed_request_When_confirmation_marked_overdue_before_its_date_Then_rejected_and_after_it_recorded_once()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);
        var confirmationDueAt = scenario.Request("r-1").ConfirmationDueAt!.Value;

        Assert.Equal("request-not-yet-due", scenario.Rejected(Overdue(RequestDeadlineKind.ReceiptConfirmation)).Rule);
        scenario.At(confirmationDueAt);
        var fact = Assert.IsType<RequestDeadlineOverdue>(Assert.Single(scenario.When(Overdue(RequestDeadlineKind.ReceiptConfirmation))));
        scenario.Given(Overdue(RequestDeadlineKind.ReceiptConfirmation));

        Assert.Equal((RequestDeadlineKind.ReceiptConfirmation, confirmationDueAt), (fact.Deadline, fact.DueAt));
        Assert.Equal(confirmationDueAt, scenario.Request("r-1").ConfirmationOverdueAt);
        Assert.Null(scenario.Request("r-1").OverdueAt);
        Assert.Empty(scenario.When(Overdue(RequestDeadlineKind.ReceiptConfirmation)));
    }

    [Fact]
    public void Given_confirmed_request_When_confirmation_reminders_fire_Then_nothing()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete)
            .Given(new ConfirmReceipt { SubjectId = Scenario.SubjectId, RequestId = "r-1" })
            .Later(TimeSpan.FromDays(30));

        Assert.Empty(scenario.When(DueSoon(RequestDeadlineKind.ReceiptConfirmation)));
        Assert.Empty(scenario.When(Overdue(RequestDeadlineKind.ReceiptConfirmation)));
    }

    [Fact]
    public void Given_request_type_the_law_needs_no_confirmation_for_When_confirmation_reminders_fire_Then_nothing()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.OptOutSaleSharing).Later(TimeSpan.FromDays(30));

        Assert.Null(scenario.Request("r-1").ConfirmationDueAt);
        Assert.Empty(scenario.When(Overdue(RequestDeadlineKind.ReceiptConfirmation)));
    }

    [Fact]
    public void Given_open_appeal_When_appeal_answer_marked_due_soon_and_overdue_Then_facts_name_the_appeal_deadline_and_record_shows_them()
    {
        var scenario = Appealed("VA");
        var appealDueAt = scenario.Request("r-1").AppealDueAt!.Value;

        var warned = Assert.IsType<RequestDeadlineDueSoon>(Assert.Single(scenario.When(DueSoon(RequestDeadlineKind.AppealAnswer))));
        scenario.Given(DueSoon(RequestDeadlineKind.AppealAnswer)).At(appealDueAt);
        var overdue = Assert.IsType<RequestDeadlineOverdue>(Assert.Single(scenario.When(Overdue(RequestDeadlineKind.AppealAnswer))));
        var record = scenario.Given(Overdue(RequestDeadlineKind.AppealAnswer)).Request("r-1");

        Assert.Equal((RequestDeadlineKind.AppealAnswer, appealDueAt), (warned.Deadline, warned.DueAt));
        Assert.Equal((RequestDeadlineKind.AppealAnswer, appealDueAt), (overdue.Deadline, overdue.DueAt));
        Assert.Equal((Scenario.Now, appealDueAt), (record.AppealDueSoonWarnedAt!.Value, record.AppealOverdueAt!.Value));
        Assert.Null(record.OverdueAt);
    }

    [Fact]
    public void Given_warned_appeal_extended_When_appeal_answer_marked_due_soon_Then_warned_again_for_the_new_date()
    {
        var scenario = Appealed("CO").Given(DueSoon(RequestDeadlineKind.AppealAnswer))
            .Given(new ExtendAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = "The records span several systems." });

        var fact = Assert.IsType<RequestDeadlineDueSoon>(Assert.Single(scenario.When(DueSoon(RequestDeadlineKind.AppealAnswer))));

        Assert.Equal(scenario.Request("r-1").AppealDueAt, fact.DueAt);
    }

    [Fact]
    public void Given_decided_appeal_or_no_appeal_When_appeal_reminders_fire_Then_nothing()
    {
        var decided = Appealed("VA")
            .Given(new DecideAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = AppealOutcome.Upheld, Explanation = "Reviewed." })
            .Later(TimeSpan.FromDays(90));
        var neverAppealed = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete).Later(TimeSpan.FromDays(90));

        Assert.Empty(decided.When(Overdue(RequestDeadlineKind.AppealAnswer)));
        Assert.Empty(neverAppealed.When(DueSoon(RequestDeadlineKind.AppealAnswer)));
        Assert.Empty(neverAppealed.When(Overdue(RequestDeadlineKind.AppealAnswer)));
    }

    [Fact]
    public void Given_appeal_reminders_When_the_view_is_read_Then_it_shows_both_due_dates_and_the_facts()
    {
        var scenario = Appealed("VA").Given(DueSoon(RequestDeadlineKind.AppealAnswer));

        var view = SubjectViews.ToRequestView(scenario.State, "r-1");

        Assert.Equal(scenario.Request("r-1").AppealDueAt, view.AppealDueAt);
        Assert.Equal(Scenario.Now, view.AppealDueSoonWarnedAt);
        Assert.Null(view.AppealOverdueAt);
    }

    [Fact]
    public void Given_warned_and_overdue_request_denied_and_appealed_When_the_appeal_reverses_it_Then_the_new_response_date_is_warned_about_and_overdue_afresh()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete)
            .Given(DueSoon(RequestDeadlineKind.Response));
        scenario.Later(scenario.Request("r-1").DueAt - scenario.Clock + TimeSpan.FromMinutes(1)).Given(Overdue(RequestDeadlineKind.Response))
            .GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Exempt)
            .Given(new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1" })
            .Given(new DecideAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = AppealOutcome.Reversed, Explanation = "We were wrong." });
        var reopened = scenario.Request("r-1");
        Assert.Equal((RightsRequestStatus.Reopened, (DateTimeOffset?)null, (DateTimeOffset?)null), (reopened.Status, reopened.DueSoonWarnedAt, reopened.OverdueAt));

        var dueSoon = Assert.IsType<RightsRequestDueSoon>(Assert.Single(scenario.When(DueSoon(RequestDeadlineKind.Response))));
        scenario.Given(DueSoon(RequestDeadlineKind.Response)).Later(reopened.DueAt - scenario.Clock + TimeSpan.FromMinutes(1));
        var overdue = Assert.IsType<RightsRequestOverdue>(Assert.Single(scenario.When(Overdue(RequestDeadlineKind.Response))));

        Assert.Equal(scenario.Clock.AddDays(-SubjectPolicy.DefaultReopenedDueDays).AddMinutes(-1), reopened.ReopenedAt);
        Assert.Equal(reopened.DueAt, dueSoon.DueAt);
        Assert.Equal("r-1", overdue.RequestId);
        Assert.Equal(reopened.DueAt, RequestDeadlines.OpenDueAt(scenario.Request("r-1"), RequestDeadlineKind.Response));
    }

    [Fact]
    public void Given_reopened_request_whose_receipt_was_never_confirmed_When_deadlines_read_Then_only_the_response_is_owed()
    {
        var reopened = new RightsRequest
        {
            RequestId = "r-1",
            ConfirmationDueAt = Scenario.Now.AddDays(14),
            DueAt = Scenario.Now.AddDays(15),
            ReopenedAt = Scenario.Now,
        };

        Assert.Null(RequestDeadlines.OpenDueAt(reopened, RequestDeadlineKind.ReceiptConfirmation));
        Assert.Equal(reopened.DueAt, RequestDeadlines.OpenDueAt(reopened, RequestDeadlineKind.Response));
        Assert.Equal(reopened.ConfirmationDueAt, RequestDeadlines.OpenDueAt(reopened with { ReopenedAt = null }, RequestDeadlineKind.ReceiptConfirmation));
    }
}

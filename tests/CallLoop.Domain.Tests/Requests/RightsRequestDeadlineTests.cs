using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class RightsRequestDeadlineTests
{
    private static RightsRequestReceived Receive(string jurisdiction, RightsRequestType type) =>
        Assert.IsType<RightsRequestReceived>(Assert.Single(Scenario.Registered(jurisdiction).When(new ReceiveRightsRequest
        {
            SubjectId = Scenario.SubjectId,
            RequestId = "r-1",
            Type = type,
            Channel = RequestChannel.Email,
        })));

    [Theory]
    [InlineData("VA", 45)]
    [InlineData("CA", 45)]
    [InlineData("IA", 90)]
    [InlineData("NV", 60)]
    [InlineData("CAN", 30)]
    public void Given_subject_in_jurisdiction_When_delete_request_received_Then_due_in_law_calendar_days(string jurisdiction, int days)
    {
        var received = Receive(jurisdiction, RightsRequestType.Delete);

        Assert.Equal(Scenario.Now.AddDays(days), received.DueAt);
        Assert.Equal(jurisdiction, received.Jurisdiction);
    }

    [Theory]
    [InlineData(RightsRequestType.KnowCategories)]
    [InlineData(RightsRequestType.KnowSpecific)]
    [InlineData(RightsRequestType.Delete)]
    [InlineData(RightsRequestType.Correct)]
    public void Given_CA_subject_When_know_delete_or_correct_received_Then_confirmation_due_in_10_business_days(RightsRequestType type)
    {
        var received = Receive("CA", type);

        // Counted in New York: 7 a.m. there on receipt, 7 a.m. there ten business days later (summer time from 9 March).
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 11, 0, 0, TimeSpan.Zero), received.ConfirmationDueAt);
    }

    [Theory]
    [InlineData(RightsRequestType.OptOutSaleSharing)]
    [InlineData(RightsRequestType.LimitSensitive)]
    public void Given_CA_subject_When_opt_out_or_limit_received_Then_due_in_15_business_days_without_confirmation(RightsRequestType type)
    {
        var received = Receive("CA", type);

        Assert.Equal(new DateTimeOffset(2025, 3, 24, 11, 0, 0, TimeSpan.Zero), received.DueAt);
        Assert.Null(received.ConfirmationDueAt);
    }

    [Fact]
    public void Given_VA_subject_When_opt_out_received_Then_due_in_45_calendar_days_without_confirmation()
    {
        var received = Receive("VA", RightsRequestType.OptOutSaleSharing);

        Assert.Equal(Scenario.Now.AddDays(45), received.DueAt);
        Assert.Null(received.ConfirmationDueAt);
    }

    [Fact]
    public void Given_friday_When_adding_one_business_day_Then_monday()
    {
        var friday = new DateTimeOffset(2025, 3, 7, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero), RightsRequestDeadline.AddBusinessDays(friday, 1));
    }

    [Fact]
    public void Given_saturday_When_adding_five_business_days_Then_next_friday()
    {
        var saturday = new DateTimeOffset(2025, 3, 8, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), RightsRequestDeadline.AddBusinessDays(saturday, 5));
    }

    [Fact]
    public void Given_jurisdiction_without_appeal_When_appeal_due_computed_Then_null()
    {
        Assert.Null(RightsRequestDeadline.AppealDueAt(JurisdictionTable.On("CA", Scenario.Now), Scenario.Now));
        Assert.Equal(Scenario.Now.AddDays(60), RightsRequestDeadline.AppealDueAt(JurisdictionTable.On("VA", Scenario.Now), Scenario.Now));
    }

    [Fact]
    public void Given_request_received_When_subject_later_moves_Then_request_keeps_original_law()
    {
        var scenario = Scenario.Registered("IA").GivenRequest("r-1", RightsRequestType.Delete)
            .Given(new ChangeResidency { SubjectId = Scenario.SubjectId, Jurisdiction = "VA" });

        Assert.Equal("VA", scenario.State.Jurisdiction);
        Assert.Equal("IA", scenario.Request("r-1").Jurisdiction);
        Assert.Equal(Scenario.Now.AddDays(90), scenario.Request("r-1").DueAt);
    }

    private static IReadOnlyList<SubjectEvent> ReceiveAt(string jurisdiction, RightsRequestType type, DateTimeOffset receivedAt) =>
        Scenario.Registered(jurisdiction).At(receivedAt.AddDays(2)).When(new ReceiveRightsRequest
        {
            SubjectId = Scenario.SubjectId,
            RequestId = "r-1",
            Type = type,
            Channel = RequestChannel.Email,
            ReceivedAt = receivedAt,
        });

    [Fact]
    public void Given_UT_subject_When_correction_received_from_2026_07_01_Then_recorded_due_in_45_days()
    {
        var receivedAt = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

        var received = Assert.IsType<RightsRequestReceived>(Assert.Single(ReceiveAt("UT", RightsRequestType.Correct, receivedAt)));

        Assert.Equal(receivedAt.AddDays(45), received.DueAt);
    }

    [Fact]
    public void Given_UT_subject_When_correction_received_before_2026_07_01_Then_right_not_offered()
    {
        var error = Assert.Throws<RuleViolationException>(() => ReceiveAt("UT", RightsRequestType.Correct, new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero)));

        Assert.Equal("right-not-offered", error.Rule);
    }

    [Fact]
    public void Given_NJ_subject_When_opt_out_received_Then_due_in_15_days()
    {
        var received = Receive("NJ", RightsRequestType.OptOutSaleSharing);

        Assert.Equal(Scenario.Now.AddDays(15), received.DueAt);
    }

    [Fact]
    public void Given_NY_subject_When_delete_received_Then_company_policy_45_days()
    {
        var received = Receive("NY", RightsRequestType.Delete);

        Assert.Equal((Scenario.Now.AddDays(45), "NY"), (received.DueAt, received.Jurisdiction));
    }

    [Fact]
    public void Given_friday_evening_in_new_york_When_one_business_day_added_Then_monday_there_not_by_the_utc_calendar()
    {
        // 02:00 UTC on Saturday 8 March 2025 is 21:00 on Friday in New York.
        var fridayEveningInNewYork = new DateTimeOffset(2025, 3, 8, 2, 0, 0, TimeSpan.Zero);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Equal(new DateTimeOffset(2025, 3, 11, 1, 0, 0, TimeSpan.Zero), RightsRequestDeadline.AddBusinessDays(fridayEveningInNewYork, 1, newYork));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero), RightsRequestDeadline.AddBusinessDays(fridayEveningInNewYork, 1));
    }

    [Fact]
    public void Given_business_time_zone_policy_When_request_received_Then_business_days_counted_there()
    {
        // 02:00 UTC on Saturday 8 March 2025: 21:00 on Friday in New York (the default), 11:00 on Saturday in Tokyo.
        var fridayEveningInNewYork = new DateTimeOffset(2025, 3, 8, 2, 0, 0, TimeSpan.Zero);
        var optOut = new ReceiveRightsRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Type = RightsRequestType.OptOutSaleSharing, Channel = RequestChannel.Email };

        var inNewYork = Assert.IsType<RightsRequestReceived>(Assert.Single(
            Scenario.Registered("CA").At(fridayEveningInNewYork).When(optOut)));
        var inTokyo = Assert.IsType<RightsRequestReceived>(Assert.Single(
            Scenario.Registered("CA").At(fridayEveningInNewYork).With(new SubjectPolicy { BusinessTimeZone = "Asia/Tokyo" }).When(optOut)));

        // 15 business days, Monday 10 to Friday 28 March in both calendars: 21:00 EDT there (01:00 UTC on the 29th),
        // 11:00 JST in Tokyo (02:00 UTC on the 28th), almost a day earlier.
        Assert.Equal(new DateTimeOffset(2025, 3, 29, 1, 0, 0, TimeSpan.Zero), inNewYork.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 28, 2, 0, 0, TimeSpan.Zero), inTokyo.DueAt);
    }

    [Fact]
    public void Given_unknown_time_zone_When_policy_built_Then_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SubjectPolicy { BusinessTimeZone = "Mars/Olympus" });

        Assert.Equal(nameof(SubjectPolicy.BusinessTimeZone), error.ParamName);
    }
}

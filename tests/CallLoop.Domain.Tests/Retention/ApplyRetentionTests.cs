using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Retention;

public class ApplyRetentionTests
{
    private static readonly TimeSpan TaxPeriod = TimeSpan.FromDays(7 * 365);

    private static readonly RetentionPeriods CommercialKeptForTax =
        RetentionTable.Defaults.With([new(PersonalInformationCategory.CommercialInformation, TaxPeriod)]);

    private static ApplyRetention Apply(RetentionPeriods? periods = null) =>
        new() { SubjectId = Scenario.SubjectId, Periods = periods ?? RetentionTable.Defaults };

    private static CollectPersonalInformation Collect(PersonalInformationCategory category) => new()
    {
        SubjectId = Scenario.SubjectId,
        Category = category,
        Source = CollectionSource.Direct,
        Purposes = [ProcessingPurpose.ProvideServices],
        Data = new Dictionary<string, string> { ["value"] = "x" },
    };

    private static Scenario Deactivated() => Scenario.Registered()
        .Given(Collect(PersonalInformationCategory.CommercialInformation), Collect(PersonalInformationCategory.InternetActivity))
        .Given(new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "terminate-account" });

    [Fact]
    public void Given_policy_defaults_When_read_Then_every_category_is_kept_no_longer_than_the_account()
    {
        Assert.All(Enum.GetValues<PersonalInformationCategory>(), c => Assert.Equal(TimeSpan.Zero, RetentionTable.Defaults.For(c)));
        Assert.True(RetentionTable.RequestRecordsKeptAtLeast >= TimeSpan.FromDays(730));
    }

    [Fact]
    public void Given_active_account_When_retention_applied_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().Given(Collect(PersonalInformationCategory.InternetActivity)).Later(TimeSpan.FromDays(3650)).When(Apply()));
    }

    [Fact]
    public void Given_ended_account_and_default_periods_When_applied_Then_everything_erased_for_retention()
    {
        var scenario = Deactivated();

        var erasure = Assert.IsType<ErasureStarted>(Assert.Single(scenario.When(Apply())));
        var state = scenario.Then(Apply());

        Assert.Equal(ErasureReason.Retention, erasure.Reason);
        Assert.Empty(erasure.RetainedCategories);
        Assert.Empty(state.Categories);
        Assert.Null(state.Email);
        Assert.Null(state.Phone);
        Assert.Null(state.Name);
        Assert.Equal(ErasureReason.Retention, state.ErasureReason);
    }

    [Fact]
    public void Given_longer_period_for_one_category_When_applied_early_Then_only_the_expired_ones_erased_and_the_next_due_is_that_period()
    {
        var scenario = Deactivated().Later(TimeSpan.FromDays(1));

        var erasure = Assert.IsType<ErasureStarted>(Assert.Single(scenario.When(Apply(CommercialKeptForTax))));
        var state = scenario.Then(Apply(CommercialKeptForTax));

        Assert.Equal([PersonalInformationCategory.CommercialInformation], erasure.RetainedCategories);
        Assert.Equal([PersonalInformationCategory.CommercialInformation], state.Categories.Keys);
        Assert.Equal(state.DeactivatedAt + TaxPeriod, RetentionSchedule.NextDueAt(state, CommercialKeptForTax));
    }

    [Fact]
    public void Given_longer_period_When_it_ends_Then_the_rest_is_erased_and_nothing_is_due()
    {
        var scenario = Deactivated().Given(Apply(CommercialKeptForTax)).Later(TaxPeriod);

        var erasure = Assert.IsType<ErasureStarted>(Assert.Single(scenario.When(Apply(CommercialKeptForTax))));
        var state = scenario.Then(Apply(CommercialKeptForTax));

        Assert.Empty(erasure.RetainedCategories);
        Assert.Empty(state.Categories);
        Assert.Null(RetentionSchedule.NextDueAt(state, CommercialKeptForTax));
    }

    [Fact]
    public void Given_retention_applied_When_applied_again_Then_no_events()
    {
        Assert.Empty(Deactivated().Given(Apply()).Later(TimeSpan.FromDays(1)).When(Apply()));
    }

    [Fact]
    public void Given_subject_erased_by_delete_request_When_retention_applied_Then_no_events()
    {
        var scenario = Deactivated()
            .GivenEvents(new ErasureStarted { SubjectId = Scenario.SubjectId, Reason = ErasureReason.DeleteRequest, OccurredAt = Scenario.Now });

        Assert.Empty(scenario.When(Apply()));
    }

    [Fact]
    public void Given_legal_hold_When_retention_applied_Then_held_categories_retained_until_release()
    {
        var scenario = Deactivated().Given(new PlaceLegalHold
        {
            SubjectId = Scenario.SubjectId,
            HoldId = "hold-1",
            Categories = [PersonalInformationCategory.CommercialInformation],
            Reason = "Pending litigation.",
        });

        var erasure = Assert.IsType<ErasureStarted>(Assert.Single(scenario.When(Apply())));
        scenario.Given(Apply());
        Assert.Equal([PersonalInformationCategory.CommercialInformation], erasure.RetainedCategories);
        Assert.Null(RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults));
        Assert.Empty(scenario.When(Apply()));

        scenario.Given(new ReleaseLegalHold { SubjectId = Scenario.SubjectId, HoldId = "hold-1" });
        var afterRelease = Assert.IsType<ErasureStarted>(Assert.Single(scenario.When(Apply())));

        Assert.Empty(afterRelease.RetainedCategories);
        Assert.Empty(scenario.Then(Apply()).Categories);
    }

    [Fact]
    public void Given_negative_period_When_applied_Then_invalid_naming_the_category()
    {
        var periods = RetentionTable.Defaults.With([new(PersonalInformationCategory.Geolocation, TimeSpan.FromSeconds(-1))]);

        Assert.Equal("periods[G]", Deactivated().Invalid(Apply(periods)).Field);
    }

    [Fact]
    public void Given_unregistered_subject_When_applied_Then_not_found()
    {
        Assert.Throws<SubjectNotFoundException>(() => Scenario.Unregistered().When(Apply()));
    }

    private static readonly TimeSpan WithoutAccount = TimeSpan.FromDays(730);

    private static Scenario RequestFromSomeoneWithoutAccount() => Scenario.Unregistered()
        .Given(new ReceiveRightsRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Type = RightsRequestType.Delete, Channel = RequestChannel.WebForm, Jurisdiction = "FL" })
        .Given(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.NotAConsumer, Explanation = "No records about you." });

    [Fact]
    public void Given_policy_defaults_When_read_Then_someone_without_an_account_is_kept_24_months_after_their_last_event()
    {
        Assert.Equal(WithoutAccount, RetentionTable.WithoutAccountAfterLastEvent);
        Assert.Equal(WithoutAccount, RetentionTable.Defaults.WithoutAccount);
    }

    [Fact]
    public void Given_no_account_and_closed_request_When_the_period_after_the_last_event_passes_Then_erased_for_retention()
    {
        var scenario = RequestFromSomeoneWithoutAccount();
        var lastEventAt = scenario.State.LastEventAt;

        Assert.Equal(scenario.Clock, lastEventAt);
        Assert.Equal(lastEventAt + WithoutAccount, RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults));
        Assert.Empty(scenario.Later(WithoutAccount - TimeSpan.FromMinutes(1)).When(Apply()));

        var erasure = Assert.IsType<ErasureStarted>(Assert.Single(scenario.Later(TimeSpan.FromMinutes(1)).When(Apply())));
        var state = scenario.Then(Apply());

        Assert.Equal(ErasureReason.Retention, erasure.Reason);
        Assert.Empty(erasure.RetainedCategories);
        Assert.Equal(ErasureReason.Retention, state.ErasureReason);
        Assert.Equal(lastEventAt, state.LastEventAt);
        Assert.Null(RetentionSchedule.NextDueAt(state, RetentionTable.Defaults));
        Assert.Empty(scenario.Later(TimeSpan.FromDays(1)).When(Apply()));
    }

    [Fact]
    public void Given_only_a_gpc_signal_from_someone_without_an_account_When_the_period_passes_Then_erased_for_retention()
    {
        var scenario = Scenario.Unregistered().Given(new ReceiveGpcSignal { SubjectId = Scenario.SubjectId });

        Assert.Equal(scenario.Clock + WithoutAccount, RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults));
        Assert.Empty(scenario.Later(WithoutAccount - TimeSpan.FromMinutes(1)).When(Apply()));
        Assert.Equal(ErasureReason.Retention, Assert.IsType<ErasureStarted>(Assert.Single(scenario.Later(TimeSpan.FromMinutes(1)).When(Apply()))).Reason);
    }

    [Fact]
    public void Given_no_account_When_a_new_event_comes_Then_the_period_counts_again_from_it()
    {
        var scenario = RequestFromSomeoneWithoutAccount().Later(TimeSpan.FromDays(400))
            .Given(new ReceiveRightsRequest { SubjectId = Scenario.SubjectId, RequestId = "r-2", Type = RightsRequestType.OptOutSaleSharing, Channel = RequestChannel.WebForm, Jurisdiction = "FL" })
            .Given(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-2", Outcome = RequestOutcome.Fulfilled });
        var secondAt = scenario.Clock;

        Assert.Empty(scenario.Later(WithoutAccount - TimeSpan.FromDays(1)).When(Apply()));
        Assert.Equal(secondAt + WithoutAccount, RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults, scenario.Clock));
        Assert.IsType<ErasureStarted>(Assert.Single(scenario.Later(TimeSpan.FromDays(1)).When(Apply())));
    }

    [Fact]
    public void Given_no_account_and_an_open_appeal_When_the_period_passes_Then_erasure_waits_and_looks_again_a_day_later()
    {
        var scenario = RequestFromSomeoneWithoutAccount()
            .Given(new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = "I am a customer." })
            .Later(WithoutAccount + TimeSpan.FromDays(1));

        Assert.Empty(scenario.When(Apply()));
        Assert.Equal(scenario.Clock + RetentionTable.WhileRequestOpenLookAgainAfter, RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults, scenario.Clock));

        scenario.Given(new DecideAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = AppealOutcome.Upheld, Explanation = "Reviewed." });
        var decidedAt = scenario.Clock;

        Assert.Equal(decidedAt + WithoutAccount, RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults, scenario.Clock));
        Assert.Empty(scenario.Later(TimeSpan.FromDays(1)).When(Apply()));
        Assert.IsType<ErasureStarted>(Assert.Single(scenario.Later(WithoutAccount).When(Apply())));
    }

    [Fact]
    public void Given_no_account_and_an_unanswered_request_When_the_period_passes_Then_no_erasure()
    {
        var scenario = Scenario.Unregistered()
            .Given(new ReceiveRightsRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm, Jurisdiction = "CA" })
            .Later(WithoutAccount * 2);

        Assert.Empty(scenario.When(Apply()));
    }

    [Fact]
    public void Given_shorter_configured_period_without_account_When_it_passes_Then_erased()
    {
        var periods = RetentionTable.Defaults with { WithoutAccount = TimeSpan.FromDays(30) };

        Assert.IsType<ErasureStarted>(Assert.Single(RequestFromSomeoneWithoutAccount().Later(TimeSpan.FromDays(30)).When(Apply(periods))));
    }

    [Fact]
    public void Given_negative_period_without_account_When_applied_Then_invalid_naming_the_field()
    {
        var periods = RetentionTable.Defaults with { WithoutAccount = TimeSpan.FromSeconds(-1) };

        Assert.Equal("periods.withoutAccount", RequestFromSomeoneWithoutAccount().Invalid(Apply(periods)).Field);
    }

    [Fact]
    public void Given_someone_who_registered_after_a_request_When_the_period_passes_Then_their_account_keeps_the_data()
    {
        var scenario = RequestFromSomeoneWithoutAccount()
            .Given(new RegisterSubject { SubjectId = Scenario.SubjectId, Jurisdiction = "FL", Email = "a@example.com" })
            .Later(WithoutAccount * 2);

        Assert.Empty(scenario.When(Apply()));
        Assert.Null(RetentionSchedule.NextDueAt(scenario.State, RetentionTable.Defaults, scenario.Clock));
    }
}

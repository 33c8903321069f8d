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
}

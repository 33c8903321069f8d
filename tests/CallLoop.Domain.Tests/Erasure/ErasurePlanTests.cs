using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Erasure;

public class ErasurePlanTests
{
    private const PersonalInformationCategory Commercial = PersonalInformationCategory.CommercialInformation;

    private static Scenario WithHeldCommercialData() => Scenario.Registered()
        .Given(
            new CollectPersonalInformation
            {
                SubjectId = Scenario.SubjectId,
                Category = Commercial,
                Source = CollectionSource.Direct,
                Purposes = [ProcessingPurpose.PaymentProcessing],
                Data = new Dictionary<string, string> { ["plan"] = "pro" },
            },
            new PlaceLegalHold { SubjectId = Scenario.SubjectId, HoldId = "hold-1", Categories = [Commercial], Reason = "Pending litigation." })
        .GivenRequest("r-1", RightsRequestType.Delete)
        .GivenVerified("r-1");

    private static Scenario Erased(Scenario scenario) =>
        scenario.GivenEvents(ErasurePlan.Record(scenario.State, ErasurePlan.Due(scenario.State), ["A1"], 1, null));

    [Fact]
    public void Given_no_erasure_When_planned_Then_nothing_due()
    {
        Assert.Empty(ErasurePlan.Due(WithHeldCommercialData().State));
    }

    [Fact]
    public void Given_delete_fulfilled_under_hold_When_planned_Then_every_category_but_the_held_one_is_due_and_the_hold_says_why()
    {
        var state = WithHeldCommercialData().GivenCompleted("r-1", RequestOutcome.Fulfilled).State;

        Assert.Equal(Enum.GetValues<PersonalInformationCategory>().Where(c => c != Commercial), ErasurePlan.Due(state));
        Assert.Equal([new RetainedCategory { Category = Commercial, HoldId = "hold-1", Reason = "Pending litigation." }], ErasurePlan.Retained(state));
    }

    [Fact]
    public void Given_erasure_recorded_When_planned_Then_nothing_due_and_request_says_what_was_kept()
    {
        var state = Erased(WithHeldCommercialData().GivenCompleted("r-1", RequestOutcome.Fulfilled)).State;

        Assert.Empty(ErasurePlan.Due(state));
        Assert.Equal([Commercial], state.Categories.Keys);
        Assert.Null(state.Email);
        Assert.Null(state.BirthDate);
        Assert.NotNull(state.Requests["r-1"].ErasedAt);
        Assert.Equal([Commercial], state.Requests["r-1"].RetainedCategories.Select(r => r.Category));
        Assert.Equal("Pending litigation.", SubjectViews.ToRequestView(state, "r-1").RetainedCategories.Single().Reason);
    }

    [Fact]
    public void Given_erasure_recorded_When_hold_released_Then_held_category_is_due_and_its_erasure_drops_it()
    {
        var scenario = Erased(WithHeldCommercialData().GivenCompleted("r-1", RequestOutcome.Fulfilled))
            .Given(new ReleaseLegalHold { SubjectId = Scenario.SubjectId, HoldId = "hold-1" });

        Assert.Equal([Commercial], ErasurePlan.Due(scenario.State));
        var erased = ErasurePlan.Record(scenario.State, ErasurePlan.Due(scenario.State), ["D1"], 1, "hold-1");
        Assert.Empty(erased.Retained);
        Assert.Empty(scenario.GivenEvents(erased).State.Categories);
    }

    [Fact]
    public void Given_erasure_record_When_built_Then_it_names_categories_and_key_ids_but_no_value()
    {
        var state = WithHeldCommercialData().GivenCompleted("r-1", RequestOutcome.Fulfilled).State;

        var erased = ErasurePlan.Record(state, ErasurePlan.Due(state), ["C1", "A1"], 2, null);

        Assert.Equal(ErasureReason.DeleteRequest, erased.Reason);
        Assert.Equal("r-1", erased.RequestId);
        Assert.Equal(["A1", "C1"], erased.DestroyedKeyIds);
        var json = System.Text.Json.JsonSerializer.Serialize(erased, DomainJson.Options);
        Assert.DoesNotContain("person@example.com", json, StringComparison.Ordinal);
        Assert.DoesNotContain("pro\"", json, StringComparison.Ordinal);
    }
}

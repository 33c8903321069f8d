using CallLoop.Domain;

namespace CallLoop.Domain.Tests.LegalHolds;

public class LegalHoldTests
{
    private static PlaceLegalHold Place(string holdId = "hold-1") => new()
    {
        SubjectId = Scenario.SubjectId,
        HoldId = holdId,
        Categories = [PersonalInformationCategory.CommercialInformation],
        Reason = "Pending litigation.",
    };

    private static ReleaseLegalHold Release(string holdId = "hold-1") => new() { SubjectId = Scenario.SubjectId, HoldId = holdId };

    [Fact]
    public void Given_no_hold_When_placed_Then_hold_in_force()
    {
        var state = Scenario.Registered().Then(Place());

        Assert.Equal([PersonalInformationCategory.CommercialInformation], state.LegalHolds["hold-1"].Categories);
    }

    [Fact]
    public void Given_hold_When_same_hold_id_placed_again_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().Given(Place()).When(Place()));
    }

    [Fact]
    public void Given_no_such_hold_When_released_Then_rejected()
    {
        Assert.Equal("legal-hold-not-found", Scenario.Registered().Given(Place()).Rejected(Release("hold-2")).Rule);
    }

    [Fact]
    public void Given_hold_When_released_Then_removed()
    {
        Assert.Empty(Scenario.Registered().Given(Place()).Then(Release()).LegalHolds);
    }

    [Fact]
    public void Given_hold_When_placed_without_categories_Then_invalid_categories()
    {
        Assert.Equal("categories", Scenario.Registered().Invalid(Place() with { Categories = [] }).Field);
    }

    [Fact]
    public void Given_hold_When_placed_without_reason_Then_invalid_reason()
    {
        Assert.Equal("reason", Scenario.Registered().Invalid(Place() with { Reason = "" }).Field);
    }

    [Fact]
    public void Given_hold_on_commercial_information_When_delete_fulfilled_Then_held_category_retained()
    {
        var scenario = Scenario.Registered()
            .Given(
                new CollectPersonalInformation
                {
                    SubjectId = Scenario.SubjectId,
                    Category = PersonalInformationCategory.CommercialInformation,
                    Source = CollectionSource.Direct,
                    Purposes = [ProcessingPurpose.PaymentProcessing],
                    Data = new Dictionary<string, string> { ["plan"] = "pro" },
                },
                Collection.CollectPersonalInformationTests.Collect(),
                Place())
            .GivenRequest("r-1", RightsRequestType.Delete)
            .GivenVerified("r-1");

        var erasure = scenario.When(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = RequestOutcome.Fulfilled })
            .OfType<ErasureStarted>().Single();
        var state = scenario.GivenEvents(erasure).State;

        Assert.Equal([PersonalInformationCategory.CommercialInformation], erasure.RetainedCategories);
        Assert.Equal([PersonalInformationCategory.CommercialInformation], state.Categories.Keys);
        Assert.Null(state.Email);
    }
}

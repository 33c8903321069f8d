using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Audit;

public class RecordPersonalDataAccessTests
{
    private static RecordPersonalDataAccess Record(string accessedBy = "officer-1", AccessPurpose purpose = AccessPurpose.CustomerSupport, string? requestId = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        Access = new PersonalDataAccess { AccessedBy = accessedBy, Purpose = purpose, RequestId = requestId },
        View = AccessedView.Profile,
    };

    private static Scenario WithCommercialData() => Scenario.Registered().Given(new CollectPersonalInformation
    {
        SubjectId = Scenario.SubjectId,
        Category = PersonalInformationCategory.CommercialInformation,
        Source = CollectionSource.Direct,
        Purposes = [ProcessingPurpose.ProvideServices],
        Data = new Dictionary<string, string> { ["order"] = "991" },
    });

    [Fact]
    public void Given_subject_When_access_recorded_Then_one_event_with_who_why_and_held_categories_and_no_values()
    {
        var accessed = Assert.IsType<PersonalDataAccessed>(Assert.Single(WithCommercialData().When(Record())));

        Assert.Equal(("officer-1", AccessPurpose.CustomerSupport, AccessedView.Profile), (accessed.AccessedBy, accessed.Purpose, accessed.View));
        Assert.Equal([PersonalInformationCategory.Identifiers, PersonalInformationCategory.CommercialInformation], accessed.Categories);
        Assert.Equal(Scenario.Now, accessed.OccurredAt);
    }

    [Fact]
    public void Given_access_recorded_When_evolved_Then_only_the_version_moves()
    {
        var scenario = WithCommercialData();
        var before = scenario.State;

        var after = scenario.Then(Record());

        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before with { Version = after.Version }, after);
    }

    [Fact]
    public void Given_same_read_twice_When_recorded_Then_each_read_is_a_record()
    {
        var scenario = WithCommercialData().Given(Record());

        Assert.Single(scenario.When(Record()));
    }

    [Theory]
    [InlineData("", "accessedBy")]
    [InlineData("   ", "accessedBy")]
    public void Given_no_actor_When_recorded_Then_invalid(string accessedBy, string field)
    {
        Assert.Equal(field, WithCommercialData().Invalid(Record(accessedBy)).Field);
    }

    [Fact]
    public void Given_undefined_purpose_When_recorded_Then_invalid_purpose()
    {
        Assert.Equal("purpose", WithCommercialData().Invalid(Record(purpose: (AccessPurpose)42)).Field);
    }

    [Fact]
    public void Given_unknown_request_When_recorded_for_it_Then_request_not_found()
    {
        Assert.Throws<RequestNotFoundException>(() => WithCommercialData().When(Record(purpose: AccessPurpose.RightsRequest, requestId: "r-9")));
    }

    [Fact]
    public void Given_known_request_When_recorded_for_it_Then_the_record_names_it()
    {
        var scenario = WithCommercialData().GivenRequest("r-1", RightsRequestType.KnowSpecific);

        var accessed = Assert.IsType<PersonalDataAccessed>(Assert.Single(scenario.When(Record(purpose: AccessPurpose.RightsRequest, requestId: "r-1"))));

        Assert.Equal("r-1", accessed.RequestId);
    }

    [Fact]
    public void Given_unregistered_subject_When_recorded_Then_not_found()
    {
        Assert.Throws<SubjectNotFoundException>(() => Scenario.Unregistered().When(Record()));
    }
}

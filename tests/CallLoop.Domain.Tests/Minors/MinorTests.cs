using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Minors;

public class MinorTests
{
    private static readonly DetectMinor Detect = new() { SubjectId = Scenario.SubjectId, Evidence = "support-ticket" };

    [Fact]
    public void Given_active_subject_When_minor_detected_Then_deactivated_and_erasure_started()
    {
        var events = Scenario.Registered().When(Detect);

        Assert.Collection(
            events,
            e => Assert.IsType<MinorDetected>(e),
            e => Assert.Equal("minor", Assert.IsType<AccountDeactivated>(e).Reason),
            e => Assert.Equal(ErasureReason.Minor, Assert.IsType<ErasureStarted>(e).Reason));
    }

    [Fact]
    public void Given_minor_When_minor_detected_again_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().Given(Detect).When(Detect));
    }

    [Fact]
    public void Given_known_minor_When_collecting_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(Detect);

        var error = scenario.Rejected(new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["email"] = "kid@example.com" },
        });

        Assert.Equal("minor", error.Rule);
    }

    [Fact]
    public void Given_minor_detected_When_projected_Then_contact_data_erased_and_account_inactive()
    {
        var profile = SubjectViews.ToProfile(Scenario.Registered().Then(Detect));

        Assert.Equal((true, false, ErasureReason.Minor), (profile.IsMinor, profile.Active, profile.ErasureReason!.Value));
        Assert.Null(profile.Email);
        Assert.Null(profile.Phone);
    }

    [Fact]
    public void Given_adult_birth_date_When_minor_detected_Then_rejected()
    {
        var error = Scenario.Registered().Rejected(Detect with { BirthDate = new DateOnly(1990, 1, 1) });

        Assert.Equal("not-a-minor", error.Rule);
    }
}

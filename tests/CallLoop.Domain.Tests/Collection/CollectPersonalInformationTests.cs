using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Collection;

public class CollectPersonalInformationTests
{
    internal static CollectPersonalInformation Collect(params ProcessingPurpose[] purposes) => new()
    {
        SubjectId = Scenario.SubjectId,
        Category = PersonalInformationCategory.InternetActivity,
        Source = CollectionSource.Automatic,
        Purposes = purposes.Length == 0 ? [ProcessingPurpose.Analytics] : purposes,
        Data = new Dictionary<string, string> { ["ip"] = "203.0.113.7" },
    };

    [Fact]
    public void Given_registered_subject_When_collected_Then_category_held_with_source_purposes_and_values()
    {
        var scenario = Scenario.Registered().Given(Collect(ProcessingPurpose.Analytics));
        var later = scenario.Later(TimeSpan.FromDays(1)).Then(Collect(ProcessingPurpose.Security) with
        {
            Source = CollectionSource.ThirdParty,
            SourceDetail = "marketing-partner",
            Data = new Dictionary<string, string> { ["ip"] = "198.51.100.1" },
        });

        var held = later.Categories[PersonalInformationCategory.InternetActivity];
        Assert.Equal(new[] { ProcessingPurpose.Analytics, ProcessingPurpose.Security }, held.Purposes);
        Assert.Equal(2, held.Sources.Count);
        Assert.Equal((Scenario.Now, Scenario.Now.AddDays(1)), (held.FirstCollectedAt, held.LastCollectedAt));
        Assert.Equal("198.51.100.1", held.Values["ip"]);
    }

    [Fact]
    public void Given_legal_and_security_purposes_When_collected_Then_flagged_legal_or_security_only()
    {
        var collected = Assert.IsType<PersonalInformationCollected>(Assert.Single(
            Scenario.Registered().When(Collect(ProcessingPurpose.LegalCompliance, ProcessingPurpose.Security))));

        Assert.True(collected.LegalOrSecurityOnly);
    }

    [Fact]
    public void Given_restricted_processing_When_collected_for_analytics_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(new RestrictProcessing { SubjectId = Scenario.SubjectId, Reason = "accuracy contested" });

        Assert.Equal("processing-restricted", scenario.Rejected(Collect(ProcessingPurpose.Analytics, ProcessingPurpose.Security)).Rule);
    }

    [Fact]
    public void Given_restricted_processing_When_collected_for_security_only_Then_collected()
    {
        var scenario = Scenario.Registered().Given(new RestrictProcessing { SubjectId = Scenario.SubjectId });

        Assert.Single(scenario.When(Collect(ProcessingPurpose.Security)));
    }

    [Fact]
    public void Given_lifted_restriction_When_collected_for_analytics_Then_collected()
    {
        var scenario = Scenario.Registered().Given(
            new RestrictProcessing { SubjectId = Scenario.SubjectId },
            new LiftRestriction { SubjectId = Scenario.SubjectId });

        Assert.Single(scenario.When(Collect(ProcessingPurpose.Analytics)));
    }

    [Fact]
    public void Given_deactivated_account_When_collected_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "request" });

        Assert.Equal("account-deactivated", scenario.Rejected(Collect()).Rule);
    }

    [Fact]
    public void Given_VA_subject_without_sensitive_consent_When_sensitive_collected_Then_rejected()
    {
        var command = Collect(ProcessingPurpose.ProvideServices) with { Category = PersonalInformationCategory.SensitivePersonalInformation };
        var scenario = Scenario.Registered("VA");

        Assert.Equal("sensitive-consent-required", scenario.Rejected(command).Rule);

        var consented = scenario.Given(new GrantConsent
        {
            SubjectId = Scenario.SubjectId,
            Purpose = ConsentPurpose.SensitiveProcessing,
            Basis = ConsentBasis.Express,
            NoticeVersion = "v1",
        });
        Assert.Single(consented.When(command));
    }

    [Fact]
    public void Given_any_subject_When_no_purposes_Then_invalid_purposes()
    {
        Assert.Equal("purposes", Scenario.Registered().Invalid(Collect() with { Purposes = [] }).Field);
    }

    [Fact]
    public void Given_any_subject_When_no_data_Then_invalid_data()
    {
        Assert.Equal("data", Scenario.Registered().Invalid(Collect() with { Data = new Dictionary<string, string>() }).Field);
    }

    [Fact]
    public void Given_any_subject_When_value_longer_than_4096_Then_invalid_value_field()
    {
        var command = Collect() with { Data = new Dictionary<string, string> { ["ip"] = new string('1', 4097) } };

        Assert.Equal("data.ip", Scenario.Registered().Invalid(command).Field);
    }

    [Fact]
    public void Given_any_subject_When_third_party_source_without_detail_Then_invalid_source_detail()
    {
        var command = Collect() with { Source = CollectionSource.ThirdParty, SourceDetail = null };

        Assert.Equal("sourceDetail", Scenario.Registered().Invalid(command).Field);
    }

    [Fact]
    public void Given_any_subject_When_collected_at_in_the_future_Then_invalid_collected_at()
    {
        var command = Collect() with { CollectedAt = Scenario.Now.AddMinutes(10) };

        Assert.Equal("collectedAt", Scenario.Registered().Invalid(command).Field);
    }

    [Fact]
    public void Given_any_subject_When_invalid_value_Then_message_does_not_echo_it()
    {
        var command = Collect() with { Data = new Dictionary<string, string> { ["ssn"] = "123-45-6789\u0000" } };

        var error = Scenario.Registered().Invalid(command);

        Assert.DoesNotContain("123-45", error.Message, StringComparison.Ordinal);
    }
}

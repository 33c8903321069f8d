using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Jurisdictions;

public class SensitiveDataLawTests
{
    private static readonly DateTimeOffset In2026 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CollectPersonalInformation CollectSensitive(params ProcessingPurpose[] purposes) => new()
    {
        SubjectId = Scenario.SubjectId,
        Category = PersonalInformationCategory.SensitivePersonalInformation,
        Source = CollectionSource.Direct,
        Purposes = purposes,
        Data = new Dictionary<string, string> { ["healthNote"] = "allergy" },
    };

    private static DiscloseInformation SellSensitive() => new()
    {
        SubjectId = Scenario.SubjectId,
        Recipient = "Data Broker",
        RecipientType = RecipientType.ThirdParty,
        Purpose = DisclosurePurpose.Sale,
        Categories = [PersonalInformationCategory.SensitivePersonalInformation],
    };

    [Theory]
    [InlineData("NE")]
    [InlineData("MN")]
    [InlineData("RI")]
    [InlineData("NJ")]
    public void Given_state_requiring_opt_in_When_sensitive_data_collected_for_marketing_without_consent_Then_refused(string code)
    {
        var scenario = Scenario.Registered(code).At(In2026);

        Assert.Equal("sensitive-consent-required", scenario.Rejected(CollectSensitive(ProcessingPurpose.Marketing)).Rule);
    }

    [Fact]
    public void Given_RI_before_its_law_When_sensitive_data_collected_without_consent_Then_collected_under_company_policy()
    {
        var scenario = Scenario.Registered("RI").At(new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero));

        Assert.IsType<PersonalInformationCollected>(Assert.Single(scenario.When(CollectSensitive(ProcessingPurpose.Marketing))));
    }

    [Fact]
    public void Given_MD_subject_with_consent_When_sensitive_data_collected_for_analytics_Then_refused_as_not_strictly_necessary()
    {
        var scenario = Scenario.Registered("MD").At(In2026)
            .Given(new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.SensitiveProcessing, Basis = ConsentBasis.Express, NoticeVersion = "v1", Channel = "web" });

        Assert.Equal("sensitive-not-strictly-necessary", scenario.Rejected(CollectSensitive(ProcessingPurpose.Analytics)).Rule);
        Assert.Single(scenario.When(CollectSensitive(ProcessingPurpose.ProvideServices, ProcessingPurpose.FraudPrevention)));
    }

    [Fact]
    public void Given_MD_subject_When_sensitive_data_sold_Then_refused_never_sold()
    {
        var scenario = Scenario.Registered("MD").At(In2026);

        Assert.Equal("sensitive-never-sold", scenario.Rejected(SellSensitive()).Rule);
    }

    [Fact]
    public void Given_subject_who_limited_sensitive_use_When_collected_for_advertising_Then_refused_but_security_allowed()
    {
        var scenario = Scenario.Registered("CA")
            .Given(new OptOut { SubjectId = Scenario.SubjectId, Scope = OptOutScope.SensitiveUse, Method = PreferenceMethod.Request });

        Assert.Equal("limited-sensitive-use", scenario.Rejected(CollectSensitive(ProcessingPurpose.TargetedAdvertising)).Rule);
        Assert.Equal("limited-sensitive-use", scenario.Rejected(CollectSensitive(ProcessingPurpose.Analytics, ProcessingPurpose.Security)).Rule);
        Assert.Single(scenario.When(CollectSensitive(ProcessingPurpose.Security, ProcessingPurpose.LegalCompliance)));
    }
}

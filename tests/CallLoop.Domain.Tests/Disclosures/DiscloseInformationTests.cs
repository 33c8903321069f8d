using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Disclosures;

public class DiscloseInformationTests
{
    private static DiscloseInformation Disclose(DisclosurePurpose purpose, bool legalOrSecurity = false, params PersonalInformationCategory[] categories) => new()
    {
        SubjectId = Scenario.SubjectId,
        Recipient = "Ad Network Inc",
        RecipientType = purpose == DisclosurePurpose.BusinessPurpose ? RecipientType.ServiceProvider : RecipientType.ThirdParty,
        Purpose = purpose,
        LegalOrSecurity = legalOrSecurity,
        Categories = categories.Length == 0 ? [PersonalInformationCategory.Identifiers] : categories,
    };

    private static OptOut OptOutOf(OptOutScope scope) =>
        new() { SubjectId = Scenario.SubjectId, Scope = scope, Method = PreferenceMethod.Request };

    [Fact]
    public void Given_opted_out_subject_When_sale_disclosure_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(OptOutOf(OptOutScope.Sale));

        Assert.Equal("opted-out-of-sale", scenario.Rejected(Disclose(DisclosurePurpose.Sale)).Rule);
    }

    [Fact]
    public void Given_opted_out_of_sharing_When_sharing_disclosure_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(OptOutOf(OptOutScope.Sharing));

        Assert.Equal("opted-out-of-sharing", scenario.Rejected(Disclose(DisclosurePurpose.Sharing)).Rule);
    }

    [Fact]
    public void Given_opted_out_of_sale_When_business_purpose_disclosure_Then_disclosed()
    {
        var scenario = Scenario.Registered().Given(OptOutOf(OptOutScope.Sale), OptOutOf(OptOutScope.Sharing));

        var state = scenario.Then(Disclose(DisclosurePurpose.BusinessPurpose));

        var disclosure = Assert.Single(state.Disclosures);
        Assert.Equal(("disclosure-1", RecipientType.ServiceProvider), (disclosure.DisclosureId, disclosure.RecipientType));
    }

    [Fact]
    public void Given_gpc_signal_When_sale_disclosure_Then_rejected()
    {
        var scenario = Scenario.Registered("TN").Given(new ReceiveGpcSignal { SubjectId = Scenario.SubjectId });

        Assert.Equal("opted-out-of-sale", scenario.Rejected(Disclose(DisclosurePurpose.Sale)).Rule);
    }

    [Fact]
    public void Given_restricted_processing_When_disclosure_not_for_legal_or_security_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(new RestrictProcessing { SubjectId = Scenario.SubjectId });

        Assert.Equal("processing-restricted", scenario.Rejected(Disclose(DisclosurePurpose.BusinessPurpose)).Rule);
        Assert.Single(scenario.When(Disclose(DisclosurePurpose.BusinessPurpose, legalOrSecurity: true)));
    }

    [Fact]
    public void Given_minor_When_sale_disclosure_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(new DetectMinor { SubjectId = Scenario.SubjectId });

        Assert.Equal("minor", scenario.Rejected(Disclose(DisclosurePurpose.Sale)).Rule);
    }

    [Fact]
    public void Given_limited_sensitive_use_When_sensitive_information_shared_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(OptOutOf(OptOutScope.SensitiveUse));

        var error = scenario.Rejected(Disclose(DisclosurePurpose.Sharing, false, PersonalInformationCategory.SensitivePersonalInformation));

        Assert.Equal("limited-sensitive-use", error.Rule);
    }

    [Fact]
    public void Given_any_subject_When_sale_flagged_legal_or_security_Then_invalid()
    {
        Assert.Equal("legalOrSecurity", Scenario.Registered().Invalid(Disclose(DisclosurePurpose.Sale, legalOrSecurity: true)).Field);
    }

    [Fact]
    public void Given_any_subject_When_disclosure_has_no_categories_Then_invalid_categories()
    {
        var command = Disclose(DisclosurePurpose.BusinessPurpose) with { Categories = [] };

        Assert.Equal("categories", Scenario.Registered().Invalid(command).Field);
    }

    [Fact]
    public void Given_recorded_disclosure_When_same_disclosure_id_repeated_Then_no_events()
    {
        var command = Disclose(DisclosurePurpose.BusinessPurpose) with { DisclosureId = "d-42" };

        Assert.Empty(Scenario.Registered().Given(command).When(command));
    }

    [Fact]
    public void Given_any_subject_When_recipient_has_control_characters_Then_invalid_recipient()
    {
        var command = Disclose(DisclosurePurpose.BusinessPurpose) with { Recipient = "Acme\u0007" };

        Assert.Equal("recipient", Scenario.Registered().Invalid(command).Field);
    }
}

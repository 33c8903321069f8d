using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Disclosures;

public class DirectMarketingTests
{
    private static DiscloseInformation ForDirectMarketing(bool noValuableConsideration = false) => new()
    {
        SubjectId = Scenario.SubjectId,
        Recipient = "Mailers Inc",
        RecipientType = RecipientType.ThirdParty,
        Purpose = DisclosurePurpose.DirectMarketing,
        Categories = [PersonalInformationCategory.Identifiers],
        NoValuableConsideration = noValuableConsideration,
    };

    [Fact]
    public void Given_subject_opted_out_of_sale_When_disclosed_for_direct_marketing_Then_refused()
    {
        var scenario = Scenario.Registered().Given(new OptOut { SubjectId = Scenario.SubjectId, Scope = OptOutScope.Sale, Method = PreferenceMethod.Gpc });

        Assert.Equal("opted-out-of-sale", scenario.Rejected(ForDirectMarketing(noValuableConsideration: true)).Rule);
    }

    [Fact]
    public void Given_minor_When_disclosed_for_direct_marketing_Then_refused()
    {
        var scenario = Scenario.Registered().Given(new DetectMinor { SubjectId = Scenario.SubjectId, BirthDate = new DateOnly(2012, 1, 1) });

        Assert.Equal("minor", scenario.Rejected(ForDirectMarketing()).Rule);
    }

    [Theory]
    [InlineData(false, DisclosurePurpose.Sale)]
    [InlineData(true, DisclosurePurpose.DirectMarketing)]
    public void Given_direct_marketing_disclosure_When_reported_Then_sold_unless_no_valuable_consideration(bool noValuableConsideration, DisclosurePurpose reported)
    {
        var disclosed = Assert.IsType<InformationDisclosed>(Assert.Single(Scenario.Registered().When(ForDirectMarketing(noValuableConsideration))));

        Assert.Equal((noValuableConsideration, reported), (disclosed.NoValuableConsideration, SoldOrNot.ReportedPurpose(disclosed)));
    }

    [Fact]
    public void Given_sale_disclosure_When_no_valuable_consideration_claimed_Then_invalid()
    {
        var error = Scenario.Registered().Invalid(ForDirectMarketing(noValuableConsideration: true) with { Purpose = DisclosurePurpose.BusinessPurpose, RecipientType = RecipientType.ServiceProvider });

        Assert.Equal("noValuableConsideration", error.Field);
    }
}

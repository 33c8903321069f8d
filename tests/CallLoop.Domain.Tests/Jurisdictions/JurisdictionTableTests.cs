using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Jurisdictions;

public class JurisdictionTableTests
{
    [Fact]
    public void Given_law_table_When_listed_Then_one_row_per_supported_code()
    {
        string[] expected = ["CA", "VA", "CO", "CT", "UT", "TX", "OR", "MT", "IA", "DE", "NH", "NJ", "TN", "IN", "KY", "FL", "NV", "WA", "IL", "ME", "CAN"];

        Assert.Equal(expected, JurisdictionTable.All.Select(j => j.Code));
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("UT")]
    [InlineData("NV")]
    [InlineData("CAN")]
    public void Given_jurisdiction_without_appeal_When_looked_up_Then_no_appeal_days(string code)
    {
        var law = JurisdictionTable.Get(code);

        Assert.Null(law.AppealAnswerDays);
        Assert.False(law.HasAppealRight);
    }

    [Fact]
    public void Given_CA_When_looked_up_Then_ccpa_business_day_rules()
    {
        var ca = JurisdictionTable.Get("ca");

        Assert.Equal((10, 15, new DateOnly(2023, 1, 1)), (ca.ConfirmationBusinessDays!.Value, ca.OptOutBusinessDays!.Value, ca.GpcRequiredFrom!.Value));
    }

    [Fact]
    public void Given_UT_and_IA_When_looked_up_Then_no_correction_and_IA_opt_out_covers_sale_only()
    {
        Assert.False(JurisdictionTable.Get("UT").Offers(RightsRequestType.Correct));
        Assert.False(JurisdictionTable.Get("IA").Offers(RightsRequestType.Correct));
        Assert.True(JurisdictionTable.Get("IA").OptOutCoversSaleOnly);
        Assert.Equal(90, JurisdictionTable.Get("IA").RespondDays);
    }

    [Fact]
    public void Given_CAN_When_looked_up_Then_complaints_go_to_privacy_commissioner()
    {
        Assert.Contains("Privacy Commissioner", JurisdictionTable.Get("CAN").ComplaintAuthority, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_unknown_code_When_looked_up_Then_invalid_jurisdiction()
    {
        Assert.Equal("jurisdiction", Assert.Throws<InvalidCommandException>(() => JurisdictionTable.Get("XX")).Field);
    }

    [Fact]
    public void Given_registered_subject_When_residency_changes_Then_residency_changed_and_same_code_is_no_op()
    {
        var scenario = Scenario.Registered("CA");

        var moved = Assert.IsType<ResidencyChanged>(Assert.Single(scenario.When(new ChangeResidency { SubjectId = Scenario.SubjectId, Jurisdiction = "co" })));

        Assert.Equal(("CA", "CO"), (moved.PreviousJurisdiction, moved.Jurisdiction));
        Assert.Empty(scenario.When(new ChangeResidency { SubjectId = Scenario.SubjectId, Jurisdiction = "CA" }));
    }
}

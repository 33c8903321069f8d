using System.Globalization;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Jurisdictions;

public class JurisdictionTableTests
{
    /// <summary>The response-deadline table of privacy-law.md, copied here (tests never read ../shared).</summary>
    public static TheoryData<string, string, int, int, int?, int?, string?> LawTable => new()
    {
        // code, in force from (or "" for always), respond, extension, appeal days, appeal extension, GPC required from
        { "CA", "", 45, 45, null, null, "2023-01-01" },
        { "VA", "", 45, 45, 60, null, null },
        { "CO", "", 45, 45, 45, 60, "2024-07-01" },
        { "CT", "", 45, 45, 60, null, "2025-01-01" },
        { "UT", "", 45, 45, null, null, null },
        { "UT", "2026-07-01", 45, 45, null, null, null },
        { "TX", "", 45, 45, 60, null, "2025-01-01" },
        { "OR", "", 45, 45, 45, null, "2026-01-01" },
        { "MT", "", 45, 45, 60, null, "2025-01-01" },
        { "IA", "", 90, 45, 60, null, null },
        { "DE", "", 45, 45, 60, null, "2026-01-01" },
        { "NH", "", 45, 45, 60, null, "2025-01-01" },
        { "NJ", "", 45, 45, 45, null, "2025-07-15" },
        { "TN", "", 45, 45, 60, null, null },
        { "IN", "2026-01-01", 45, 45, 60, null, null },
        { "KY", "2026-01-01", 45, 45, 60, null, null },
        { "FL", "", 45, 15, 60, null, null },
        { "NV", "", 60, 30, null, null, null },
        { "WA", "", 45, 45, 45, null, null },
        { "IL", "", 45, 45, 60, null, null },
        { "ME", "", 45, 45, 60, null, null },
        { "CAN", "", 30, 30, null, null, null },
        { "MN", "2025-07-31", 45, 45, 45, 60, "2025-07-31" },
        { "MD", "2025-10-01", 45, 45, 60, null, "2025-10-01" },
        { "NE", "", 45, 45, 60, null, "2025-01-01" },
        { "RI", "2026-01-01", 45, 45, 60, null, null },
    };

    [Theory]
    [MemberData(nameof(LawTable))]
    public void Given_law_table_When_row_read_on_its_first_day_Then_values_are_the_law(
        string code, string from, int respond, int extension, int? appeal, int? appealExtension, string? gpcFrom)
    {
        var day = from == string.Empty ? new DateOnly(2025, 3, 3) : DateOnly.Parse(from, CultureInfo.InvariantCulture);

        var law = JurisdictionTable.On(code, day);

        Assert.Equal(
            (code, respond, extension, appeal, appealExtension, gpcFrom is null ? (DateOnly?)null : DateOnly.Parse(gpcFrom, CultureInfo.InvariantCulture), false),
            (law.Code, law.RespondDays, law.ExtensionDays, law.AppealAnswerDays, law.AppealExtensionDays, law.GpcRequiredFrom, law.CompanyPolicy && code is not ("IL" or "ME")));
    }

    [Fact]
    public void Given_law_table_When_listed_Then_one_code_per_named_jurisdiction_in_table_order()
    {
        string[] expected = ["CA", "VA", "CO", "CT", "UT", "TX", "OR", "MT", "IA", "DE", "NH", "NJ", "TN", "IN", "KY", "FL", "NV", "WA", "IL", "ME", "CAN", "MN", "MD", "NE", "RI"];

        Assert.Equal(expected, JurisdictionTable.ListedCodes);
    }

    [Theory]
    [InlineData("VA")]
    [InlineData("CO")]
    [InlineData("CT")]
    [InlineData("TX")]
    [InlineData("OR")]
    [InlineData("MT")]
    [InlineData("DE")]
    [InlineData("NH")]
    [InlineData("NJ")]
    [InlineData("TN")]
    [InlineData("IN")]
    [InlineData("KY")]
    [InlineData("FL")]
    [InlineData("NE")]
    [InlineData("MN")]
    [InlineData("RI")]
    public void Given_state_requiring_opt_in_When_read_in_2026_Then_sensitive_data_needs_consent(string code)
    {
        Assert.True(JurisdictionTable.On(code, new DateOnly(2026, 6, 1)).SensitiveDataNeedsConsent);
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("UT")]
    [InlineData("IA")]
    [InlineData("NV")]
    [InlineData("IL")]
    [InlineData("NY")]
    [InlineData("CAN")]
    public void Given_state_without_opt_in_rule_When_read_Then_no_sensitive_consent_needed(string code)
    {
        Assert.False(JurisdictionTable.On(code, new DateOnly(2026, 6, 1)).SensitiveDataNeedsConsent);
    }

    [Fact]
    public void Given_MD_When_read_after_its_law_applies_Then_sensitive_data_only_when_strictly_necessary()
    {
        var maryland = JurisdictionTable.On("MD", new DateOnly(2025, 10, 1));

        Assert.True(maryland.SensitiveOnlyWhenStrictlyNecessary);
        Assert.False(JurisdictionTable.On("MD", new DateOnly(2025, 9, 30)).SensitiveOnlyWhenStrictlyNecessary);
    }

    [Fact]
    public void Given_NJ_When_read_Then_opt_outs_are_honoured_within_15_days()
    {
        Assert.Equal(15, JurisdictionTable.On("NJ", new DateOnly(2025, 3, 3)).OptOutCalendarDays);
    }

    [Fact]
    public void Given_UT_When_read_before_and_from_2026_07_01_Then_correction_right_starts_that_day()
    {
        Assert.False(JurisdictionTable.On("UT", new DateOnly(2026, 6, 30)).Offers(RightsRequestType.Correct));
        Assert.True(JurisdictionTable.On("UT", new DateOnly(2026, 7, 1)).Offers(RightsRequestType.Correct));
    }

    [Theory]
    [InlineData("IN")]
    [InlineData("KY")]
    [InlineData("RI")]
    public void Given_law_applying_from_2026_When_read_in_2025_Then_company_policy(string code)
    {
        var before = JurisdictionTable.On(code, new DateOnly(2025, 12, 31));
        var after = JurisdictionTable.On(code, new DateOnly(2026, 1, 1));

        Assert.Equal((true, false, false, true), (before.CompanyPolicy, before.SensitiveDataNeedsConsent, after.CompanyPolicy, after.SensitiveDataNeedsConsent));
    }

    [Theory]
    [InlineData("NY", "New York Attorney General")]
    [InlineData("ga", "Georgia Attorney General")]
    [InlineData("PR", "Puerto Rico Attorney General")]
    [InlineData("DC", "District of Columbia Attorney General")]
    [InlineData("AE", "Armed Forces Europe Attorney General")]
    public void Given_US_code_without_a_law_When_read_Then_company_policy_offers_every_right(string code, string complaintTo)
    {
        var law = JurisdictionTable.On(code, new DateOnly(2026, 1, 1));

        Assert.Equal((code.ToUpperInvariant(), true, 45, 45, 60, complaintTo), (law.Code, law.CompanyPolicy, law.RespondDays, law.ExtensionDays, law.AppealAnswerDays, law.ComplaintAuthority));
        Assert.All(Enum.GetValues<RightsRequestType>().Where(t => t != RightsRequestType.ShineTheLight), type => Assert.True(law.Offers(type)));
    }

    [Fact]
    public void Given_every_USPS_code_When_looked_up_Then_each_has_a_row()
    {
        Assert.Equal(62, JurisdictionTable.ListedCodes.Count(code => code != "CAN") + JurisdictionTable.OtherUsCodes.Count);
        Assert.Contains("NY", JurisdictionTable.OtherUsCodes);
        Assert.DoesNotContain("MN", JurisdictionTable.OtherUsCodes);
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("UT")]
    [InlineData("NV")]
    [InlineData("CAN")]
    public void Given_jurisdiction_without_appeal_When_looked_up_Then_no_appeal_days(string code)
    {
        var law = JurisdictionTable.On(code, new DateOnly(2026, 1, 1));

        Assert.Null(law.AppealAnswerDays);
        Assert.False(law.HasAppealRight);
    }

    [Fact]
    public void Given_CA_When_looked_up_Then_ccpa_business_day_rules_and_shine_the_light()
    {
        var ca = JurisdictionTable.On("ca", new DateOnly(2026, 1, 1));

        Assert.Equal((10, 15, new DateOnly(2023, 1, 1), 30), (ca.ConfirmationBusinessDays!.Value, ca.OptOutBusinessDays!.Value, ca.GpcRequiredFrom!.Value, ca.ShineTheLightDays!.Value));
        Assert.False(JurisdictionTable.On("VA", new DateOnly(2026, 1, 1)).Offers(RightsRequestType.ShineTheLight));
    }

    [Fact]
    public void Given_IA_When_looked_up_Then_no_correction_and_opt_out_covers_sale_only()
    {
        var iowa = JurisdictionTable.On("IA", new DateOnly(2026, 1, 1));

        Assert.Equal((false, true, 90), (iowa.Offers(RightsRequestType.Correct), iowa.OptOutCoversSaleOnly, iowa.RespondDays));
    }

    [Fact]
    public void Given_CAN_When_looked_up_Then_complaints_go_to_privacy_commissioner()
    {
        Assert.Equal("Office of the Privacy Commissioner of Canada", JurisdictionTable.On("CAN", new DateOnly(2026, 1, 1)).ComplaintAuthority);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ON")]
    [InlineData("")]
    public void Given_unknown_code_When_looked_up_Then_invalid_jurisdiction(string code)
    {
        Assert.Equal("jurisdiction", Assert.Throws<InvalidCommandException>(() => JurisdictionTable.Code(code)).Field);
    }

    [Theory]
    [InlineData("MN")]
    [InlineData("MD")]
    [InlineData("NE")]
    [InlineData("RI")]
    [InlineData("NY")]
    [InlineData("GA")]
    public void Given_resident_of_a_newly_covered_state_When_registered_Then_registered_under_that_code(string code)
    {
        var state = Scenario.Registered(code).State;

        Assert.Equal((true, code), (state.IsRegistered, state.Jurisdiction));
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

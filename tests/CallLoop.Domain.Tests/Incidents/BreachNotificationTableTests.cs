using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

/// <summary>Holds the table to privacy-law.md, "Data-breach notification" (values copied here; tests never read it).</summary>
public class BreachNotificationTableTests
{
    private static readonly DateOnly In2026 = new(2026, 3, 2);

    // code, individual days (-1: without delay), regulator from (0: none), regulator timing, regulator days (-1: none),
    // credit bureaus from (0: none), credit bureaus hours (-1: none), credit-bureau threshold marked "(verify)" (then
    // the conservative "more than 1,000", the threshold of most rows, so that the bureaus are told rather than skipped)
    [Theory]
    [InlineData("CA", 30, 501, RegulatorDeadline.DaysAfterIndividualNotice, 15, 1001, -1, true)]
    [InlineData("VA", -1, 1, RegulatorDeadline.WithoutDelay, -1, 1001, -1, false)]
    [InlineData("CO", 30, 500, RegulatorDeadline.DaysAfterDiscovery, 30, 1001, -1, false)]
    [InlineData("CT", 60, 1, RegulatorDeadline.NoLaterThanIndividuals, -1, 1001, -1, true)]
    [InlineData("UT", -1, 500, RegulatorDeadline.WithoutDelay, -1, 1001, -1, true)]
    [InlineData("TX", 60, 250, RegulatorDeadline.DaysAfterDiscovery, 30, 10001, -1, false)]
    [InlineData("OR", 45, 251, RegulatorDeadline.WithoutDelay, -1, 1001, -1, false)]
    [InlineData("MT", -1, 1, RegulatorDeadline.NoLaterThanIndividuals, -1, 1001, -1, true)]
    [InlineData("IA", -1, 501, RegulatorDeadline.BusinessDaysAfterIndividualNotice, 5, 0, -1, false)]
    [InlineData("DE", 60, 501, RegulatorDeadline.WithoutDelay, -1, 1001, -1, true)]
    [InlineData("NH", -1, 1, RegulatorDeadline.WithoutDelay, -1, 1001, -1, false)]
    [InlineData("NJ", -1, 1, RegulatorDeadline.BeforeIndividuals, -1, 1001, -1, false)]
    [InlineData("TN", 45, 0, RegulatorDeadline.None, -1, 1001, -1, false)]
    [InlineData("IN", 45, 1, RegulatorDeadline.WithoutDelay, -1, 1001, -1, false)]
    [InlineData("KY", -1, 0, RegulatorDeadline.None, -1, 1001, -1, false)]
    [InlineData("FL", 30, 500, RegulatorDeadline.DaysAfterDiscovery, 30, 1001, -1, false)]
    [InlineData("NV", -1, 0, RegulatorDeadline.None, -1, 1001, -1, false)]
    [InlineData("WA", 30, 501, RegulatorDeadline.DaysAfterDiscovery, 30, 1001, -1, true)]
    [InlineData("IL", -1, 501, RegulatorDeadline.NoLaterThanIndividuals, -1, 1001, -1, true)]
    [InlineData("ME", 30, 1, RegulatorDeadline.WithoutDelay, -1, 1001, -1, false)]
    [InlineData("MN", -1, 0, RegulatorDeadline.None, -1, 501, 48, false)]
    [InlineData("MD", 45, 1, RegulatorDeadline.BeforeIndividuals, -1, 1000, -1, false)]
    [InlineData("NE", -1, 1, RegulatorDeadline.NoLaterThanIndividuals, -1, 1001, -1, true)]
    [InlineData("RI", 45, 501, RegulatorDeadline.WithoutDelay, -1, 501, -1, false)]
    [InlineData("US-OTHER", 30, 0, RegulatorDeadline.None, -1, 0, -1, false)]
    [InlineData("CAN", -1, 1, RegulatorDeadline.WithoutDelay, -1, 0, -1, false)]
    [InlineData("QC", -1, 1, RegulatorDeadline.WithoutDelay, -1, 0, -1, false)]
    public void Given_breach_law_row_When_looked_up_in_2026_Then_it_matches_the_law(
        string code, int days, int regulatorFrom, RegulatorDeadline timing, int regulatorDays, int bureausFrom, int bureausHours, bool bureausUnverified)
    {
        var rule = BreachNotificationTable.Get(code, In2026);

        Assert.Equal(days < 0 ? null : days, rule.IndividualNoticeDays);
        Assert.Equal(regulatorFrom == 0 ? null : regulatorFrom, rule.RegulatorMinimumAffected);
        Assert.Equal(timing, rule.RegulatorTiming);
        Assert.Equal(regulatorDays < 0 ? null : regulatorDays, rule.RegulatorDays);
        Assert.Equal(bureausFrom == 0 ? null : bureausFrom, rule.CreditBureausMinimumAffected);
        Assert.Equal(bureausHours < 0 ? null : bureausHours, rule.CreditBureausHours);
        Assert.Equal(bureausUnverified, rule.CreditBureausThresholdUnverified);
        Assert.Equal(regulatorFrom != 0, rule.Regulator is not null);
    }

    [Fact]
    public void Given_table_When_listed_Then_one_current_row_per_jurisdiction_of_the_law()
    {
        string[] expected =
        [
            "CA", "VA", "CO", "CT", "UT", "TX", "OR", "MT", "IA", "DE", "NH", "NJ", "TN", "IN", "KY", "FL", "NV", "WA", "IL", "ME",
            "MN", "MD", "NE", "RI", "US-OTHER", "CAN", "QC",
        ];

        Assert.Equal(expected, BreachNotificationTable.All.Select(r => r.Code).Distinct());
    }

    [Fact]
    public void Given_CA_When_discovered_before_and_after_2026_Then_without_delay_then_30_days()
    {
        Assert.Null(BreachNotificationTable.Get("CA", new DateOnly(2025, 12, 31)).IndividualNoticeDays);
        var current = BreachNotificationTable.Get("CA", new DateOnly(2026, 1, 1));
        Assert.Equal(30, current.IndividualNoticeDays);
        Assert.Equal(new DateOnly(2026, 1, 1), current.EffectiveFrom);
    }

    [Fact]
    public void Given_NJ_and_MD_When_looked_up_Then_regulator_before_individuals_and_no_one_else()
    {
        var before = BreachNotificationTable.All.Where(r => r.RegulatorBeforeIndividuals).Select(r => r.Code);

        Assert.Equal(["NJ", "MD"], before);
        Assert.Equal("Division of State Police", BreachNotificationTable.Get("NJ", In2026).Regulator);
    }

    [Fact]
    public void Given_CA_When_looked_up_Then_titled_notice_with_the_five_headings()
    {
        var ca = BreachNotificationTable.Get("ca", In2026);

        Assert.Equal("Notice of Data Breach", ca.NoticeTitle);
        Assert.Equal(["What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"], ca.NoticeHeadings);
    }

    [Fact]
    public void Given_IL_When_looked_up_Then_only_IL_omits_the_resident_count()
    {
        Assert.Equal(["IL"], BreachNotificationTable.All.Where(r => r.NoticeOmitsResidentCount).Select(r => r.Code));
    }

    [Fact]
    public void Given_Canada_When_looked_up_Then_record_24_months_and_notice_only_on_real_risk_of_significant_harm()
    {
        var can = BreachNotificationTable.Get("CAN", In2026);

        Assert.Equal(24, can.RecordMonths);
        Assert.True(can.NoticeOnlyOnRiskOfHarm);
        Assert.True(BreachNotificationTable.Get("QC", In2026).NoticeOnlyOnRiskOfHarm);
        Assert.False(BreachNotificationTable.Get("FL", In2026).NoticeOnlyOnRiskOfHarm);
    }

    [Fact]
    public void Given_CT_and_DE_When_looked_up_Then_identity_protection_months_for_ssn()
    {
        var ct = BreachNotificationTable.Get("CT", In2026);
        var de = BreachNotificationTable.Get("DE", In2026);

        Assert.Equal(24, ct.IdentityProtectionMonths);
        Assert.Contains(BreachDataElement.TaxpayerId, ct.IdentityProtectionElements);
        Assert.Equal(12, de.IdentityProtectionMonths);
        Assert.Contains(BreachDataElement.Ssn, de.IdentityProtectionElements);
    }

    [Fact]
    public void Given_FL_When_looked_up_Then_15_more_days_for_good_cause()
    {
        Assert.Equal(15, BreachNotificationTable.Get("FL", In2026).IndividualNoticeExtensionDays);
    }

    [Theory]
    [InlineData("WA", true)]
    [InlineData("FL", false)]
    public void Given_name_and_date_of_birth_When_triggers_checked_Then_only_WA_triggers(string code, bool triggered)
    {
        Assert.Equal(triggered, BreachNotificationTable.Get(code, In2026).IsTriggeredBy([BreachDataElement.Name, BreachDataElement.DateOfBirth]));
    }

    [Theory]
    [InlineData("IN", true)]
    [InlineData("TX", false)]
    public void Given_ssn_without_a_name_When_triggers_checked_Then_only_IN_triggers(string code, bool triggered)
    {
        Assert.Equal(triggered, BreachNotificationTable.Get(code, In2026).IsTriggeredBy([BreachDataElement.Ssn]));
    }

    [Theory]
    [InlineData(new[] { BreachDataElement.Name, BreachDataElement.Ssn }, true)]
    [InlineData(new[] { BreachDataElement.Name, BreachDataElement.DriversLicense }, true)]
    [InlineData(new[] { BreachDataElement.Name, BreachDataElement.AccountWithCode }, true)]
    [InlineData(new[] { BreachDataElement.Name, BreachDataElement.AccountNumber }, false)]
    [InlineData(new[] { BreachDataElement.Credentials }, true)]
    [InlineData(new[] { BreachDataElement.Name, BreachDataElement.Email, BreachDataElement.Phone }, false)]
    public void Given_elements_When_checked_against_a_common_row_Then_name_plus_id_or_credentials_trigger(BreachDataElement[] elements, bool triggered)
    {
        Assert.Equal(triggered, BreachNotificationTable.Get("TX", In2026).IsTriggeredBy(elements));
    }

    [Theory]
    [InlineData("PA")]
    [InlineData("ny")]
    public void Given_state_without_a_row_When_looked_up_Then_other_US_states_30_days(string code)
    {
        var rule = BreachNotificationTable.Get(code, In2026);

        Assert.Equal((BreachNotificationTable.OtherUsStates, 30), (rule.Code, rule.IndividualNoticeDays!.Value));
    }

    [Fact]
    public void Given_no_jurisdiction_When_looked_up_Then_invalid_field()
    {
        Assert.Equal("jurisdiction", Assert.Throws<InvalidCommandException>(() => BreachNotificationTable.Get("Atlantis", In2026)).Field);
    }
}

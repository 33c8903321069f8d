using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class BreachObligationTests
{
    private static readonly DateTimeOffset Discovered = IncidentScenario.Discovered;

    // Days from discovery to the individual notice; "without delay" rows get the company ceiling (default 30).
    [Theory]
    [InlineData("CA", 30, "30 days")]
    [InlineData("VA", 30, "without delay")]
    [InlineData("CO", 30, "30 days")]
    [InlineData("CT", 60, "60 days")]
    [InlineData("UT", 30, "without delay")]
    [InlineData("TX", 60, "60 days")]
    [InlineData("OR", 45, "45 days")]
    [InlineData("MT", 30, "without delay")]
    [InlineData("IA", 30, "without delay")]
    [InlineData("DE", 60, "60 days")]
    [InlineData("NH", 30, "without delay")]
    [InlineData("NJ", 30, "without delay")]
    [InlineData("TN", 45, "45 days")]
    [InlineData("IN", 45, "45 days")]
    [InlineData("KY", 30, "without delay")]
    [InlineData("FL", 30, "30 days")]
    [InlineData("NV", 30, "without delay")]
    [InlineData("WA", 30, "30 days")]
    [InlineData("IL", 30, "without delay")]
    [InlineData("ME", 30, "30 days")]
    [InlineData("MN", 30, "without delay")]
    [InlineData("MD", 45, "45 days")]
    [InlineData("NE", 30, "without delay")]
    [InlineData("RI", 45, "45 days")]
    [InlineData("PA", 30, "30 days")]
    public void Given_assessed_breach_When_obligations_computed_Then_individual_notice_due_by_the_row(string code, int days, string deadline)
    {
        var obligation = IncidentScenario.Assessed(null, (code, 10)).Obligation(code);

        Assert.True(obligation.IndividualNoticeRequired);
        Assert.Equal(Discovered.AddDays(days), obligation.IndividualNoticeDueAt);
        Assert.Equal(deadline, obligation.IndividualNoticeDeadline);
    }

    [Fact]
    public void Given_company_ceiling_of_14_days_When_without_delay_state_Then_due_after_14_days()
    {
        var scenario = IncidentScenario.Reported(policy: new BreachPolicy(14, TimeSpan.FromDays(3)))
            .Given(new StartAssessment { IncidentId = IncidentScenario.IncidentId })
            .Given(new RecordAssessment { IncidentId = IncidentScenario.IncidentId, Assessment = 1, Jurisdictions = [new() { Jurisdiction = "NJ", Affected = 3, Notifiable = 3 }] });

        Assert.Equal(Discovered.AddDays(14), scenario.Obligation("NJ").IndividualNoticeDueAt);
    }

    // The regulator's threshold: at the threshold it is owed, one resident fewer it is not.
    [Theory]
    [InlineData("CA", 501)]
    [InlineData("CO", 500)]
    [InlineData("UT", 500)]
    [InlineData("TX", 250)]
    [InlineData("OR", 251)]
    [InlineData("IA", 501)]
    [InlineData("DE", 501)]
    [InlineData("FL", 500)]
    [InlineData("WA", 501)]
    [InlineData("IL", 501)]
    [InlineData("RI", 501)]
    public void Given_residents_at_and_below_the_regulator_threshold_When_computed_Then_owed_only_at_it(string code, int threshold)
    {
        Assert.True(IncidentScenario.Assessed(null, (code, threshold)).Obligation(code).RegulatorNoticeRequired);
        Assert.False(IncidentScenario.Assessed(null, (code, threshold - 1)).Obligation(code).RegulatorNoticeRequired);
    }

    [Theory]
    [InlineData("VA")]
    [InlineData("CT")]
    [InlineData("MT")]
    [InlineData("NH")]
    [InlineData("NJ")]
    [InlineData("IN")]
    [InlineData("ME")]
    [InlineData("MD")]
    [InlineData("NE")]
    public void Given_one_resident_When_computed_Then_any_size_regulators_are_owed(string code)
    {
        Assert.True(IncidentScenario.Assessed(null, (code, 1)).Obligation(code).RegulatorNoticeRequired);
    }

    [Theory]
    [InlineData("TN")]
    [InlineData("KY")]
    [InlineData("NV")]
    [InlineData("MN")]
    public void Given_many_residents_When_computed_Then_no_regulator_where_the_law_names_none(string code)
    {
        var obligation = IncidentScenario.Assessed(null, (code, 50_000)).Obligation(code);

        Assert.False(obligation.RegulatorNoticeRequired);
        Assert.Equal(ObligationStates.NotRequired, obligation.RegulatorNoticeState);
    }

    [Theory]
    [InlineData("CO", 30)]
    [InlineData("TX", 30)]
    [InlineData("FL", 30)]
    [InlineData("WA", 30)]
    public void Given_regulator_due_days_after_discovery_When_computed_Then_counted_from_discovery(string code, int days)
    {
        Assert.Equal(Discovered.AddDays(days), IncidentScenario.Assessed(null, (code, 1000)).Obligation(code).RegulatorNoticeDueAt);
    }

    [Fact]
    public void Given_CA_individuals_notified_When_computed_Then_regulator_sample_due_15_days_after_that_notice()
    {
        var sent = Discovered.AddDays(4);
        var scenario = IncidentScenario.Assessed(null, ("CA", 600)).At(sent)
            .Given(new RecordIndividualNotices { IncidentId = IncidentScenario.IncidentId, Channel = NoticeChannel.Email, SentAt = sent, Notices = [new() { Jurisdiction = "CA", Count = 600 }] });

        var ca = scenario.Obligation("CA");

        Assert.Equal(sent.AddDays(15), ca.RegulatorNoticeDueAt);
        Assert.Equal(ObligationStates.Met, ca.IndividualNoticeState);
    }

    [Fact]
    public void Given_IA_individuals_notified_on_a_Thursday_When_computed_Then_regulator_due_5_business_days_later()
    {
        var thursday = Discovered.AddDays(3);
        var scenario = IncidentScenario.Assessed(null, ("IA", 600)).At(thursday)
            .Given(new RecordIndividualNotices { IncidentId = IncidentScenario.IncidentId, Channel = NoticeChannel.Mail, SentAt = thursday, Notices = [new() { Jurisdiction = "IA", Count = 600 }] });

        Assert.Equal(thursday.AddDays(7), scenario.Obligation("IA").RegulatorNoticeDueAt);
    }

    [Theory]
    [InlineData("NJ")]
    [InlineData("MD")]
    public void Given_NJ_or_MD_When_computed_Then_regulator_before_individuals_and_due_no_later_than_them(string code)
    {
        var obligation = IncidentScenario.Assessed(null, (code, 5)).Obligation(code);

        Assert.True(obligation.RegulatorBeforeIndividuals);
        Assert.True(obligation.RegulatorNoticeDueAt <= obligation.IndividualNoticeDueAt);
    }

    [Theory]
    [InlineData("FL")]
    [InlineData("TX")]
    [InlineData("CA")]
    [InlineData("IL")]
    public void Given_other_states_When_computed_Then_regulator_not_before_individuals(string code)
    {
        Assert.False(IncidentScenario.Assessed(null, (code, 5)).Obligation(code).RegulatorBeforeIndividuals);
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("FL")]
    [InlineData("TX")]
    [InlineData("NJ")]
    [InlineData("CAN")]
    [InlineData("PA")]
    public void Given_encrypted_data_and_key_safe_When_computed_Then_no_notice_owed_anywhere(string code)
    {
        var obligation = IncidentScenario.Assessed(IncidentScenario.Facts(encrypted: true, realRisk: true), (code, 20_000)).Obligation(code);

        Assert.False(obligation.IndividualNoticeRequired);
        Assert.Equal(BreachObligations.EncryptionSafeHarbour, obligation.IndividualNoticeReason);
        Assert.False(obligation.RegulatorNoticeRequired);
        Assert.False(obligation.CreditBureausRequired);
    }

    [Fact]
    public void Given_encrypted_data_with_key_taken_When_computed_Then_notice_owed()
    {
        var obligation = IncidentScenario.Assessed(IncidentScenario.Facts(encrypted: true, keyCompromised: true), ("FL", 3)).Obligation("FL");

        Assert.True(obligation.IndividualNoticeRequired);
    }

    [Fact]
    public void Given_only_contact_details_exposed_When_computed_Then_elements_do_not_trigger()
    {
        var facts = IncidentScenario.Facts([BreachDataElement.Name, BreachDataElement.Email, BreachDataElement.Phone]);

        var obligation = IncidentScenario.Assessed(facts, ("TX", 3)).Obligation("TX");

        Assert.Equal(BreachObligations.ElementsDoNotTrigger, obligation.IndividualNoticeReason);
        Assert.Null(obligation.IndividualNoticeDueAt);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Given_Canada_When_computed_Then_notice_follows_real_risk_and_record_kept_24_months_either_way(bool realRisk, bool owed)
    {
        var obligation = IncidentScenario.Assessed(IncidentScenario.Facts(realRisk: realRisk), ("CAN", 3)).Obligation("CAN");

        Assert.Equal(owed, obligation.IndividualNoticeRequired);
        Assert.Equal(owed, obligation.RegulatorNoticeRequired);
        Assert.Equal(Discovered.AddMonths(24), obligation.RecordKeptUntil);
    }

    // Bureau thresholds the law summary marks "(verify)": told from more than 1,000, and the view says it is unverified.
    [Theory]
    [InlineData("CA")]
    [InlineData("CT")]
    [InlineData("UT")]
    [InlineData("MT")]
    [InlineData("DE")]
    [InlineData("WA")]
    [InlineData("IL")]
    [InlineData("NE")]
    public void Given_an_unverified_bureau_threshold_When_over_1000_affected_Then_bureaus_owed_and_flagged_unverified(string code)
    {
        var over = IncidentScenario.Assessed(null, (code, 1001)).Obligation(code);
        var under = IncidentScenario.Assessed(null, (code, 1000)).Obligation(code);

        Assert.True(over.CreditBureausRequired);
        Assert.Equal(ObligationStates.Open, over.CreditBureausState);
        Assert.True(over.CreditBureausThresholdUnverified);
        Assert.False(under.CreditBureausRequired);
        Assert.True(under.CreditBureausThresholdUnverified);
        Assert.False(IncidentScenario.Assessed(null, ("FL", 1001)).Obligation("FL").CreditBureausThresholdUnverified);
    }

    // Credit bureaus: owed from the threshold, not one resident below it.
    [Theory]
    [InlineData("VA", 1001)]
    [InlineData("CO", 1001)]
    [InlineData("TX", 10001)]
    [InlineData("OR", 1001)]
    [InlineData("NH", 1001)]
    [InlineData("NJ", 1001)]
    [InlineData("TN", 1001)]
    [InlineData("IN", 1001)]
    [InlineData("KY", 1001)]
    [InlineData("FL", 1001)]
    [InlineData("NV", 1001)]
    [InlineData("ME", 1001)]
    [InlineData("MN", 501)]
    [InlineData("MD", 1000)]
    [InlineData("RI", 501)]
    public void Given_residents_at_and_below_the_credit_bureau_threshold_When_computed_Then_owed_only_at_it(string code, int threshold)
    {
        Assert.True(IncidentScenario.Assessed(null, (code, threshold)).Obligation(code).CreditBureausRequired);
        Assert.False(IncidentScenario.Assessed(null, (code, threshold - 1)).Obligation(code).CreditBureausRequired);
    }

    [Fact]
    public void Given_MN_over_500_When_computed_Then_credit_bureaus_within_48_hours_of_the_individual_notice()
    {
        var mn = IncidentScenario.Assessed(null, ("MN", 501)).Obligation("MN");

        Assert.Equal(mn.IndividualNoticeDueAt!.Value.AddHours(48), mn.CreditBureausDueAt);
    }

    [Theory]
    [InlineData("CT", 24)]
    [InlineData("DE", 12)]
    public void Given_ssn_exposed_When_computed_Then_identity_protection_offered(string code, int months)
    {
        Assert.Equal(months, IncidentScenario.Assessed(null, (code, 2)).Obligation(code).IdentityProtectionMonths);
        Assert.Null(IncidentScenario.Assessed(null, ("FL", 2)).Obligation("FL").IdentityProtectionMonths);
    }

    [Fact]
    public void Given_open_obligation_When_time_passes_Then_open_due_soon_overdue()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3));

        Assert.Equal(ObligationStates.Open, scenario.At(Discovered.AddDays(1)).Obligation("FL").IndividualNoticeState);
        Assert.Equal(ObligationStates.DueSoon, scenario.At(Discovered.AddDays(26)).Obligation("FL").IndividualNoticeState);
        Assert.Equal(ObligationStates.Overdue, scenario.At(Discovered.AddDays(30)).Obligation("FL").IndividualNoticeState);
    }

    [Fact]
    public void Given_regulator_notified_When_computed_Then_met()
    {
        var scenario = IncidentScenario.Assessed(null, ("TX", 300)).At(Discovered.AddDays(2))
            .Given(new RecordRegulatorNotice { IncidentId = IncidentScenario.IncidentId, Jurisdiction = "tx", Regulator = "Texas Attorney General" });

        var tx = scenario.Obligation("TX");

        Assert.Equal(ObligationStates.Met, tx.RegulatorNoticeState);
        Assert.Equal(Discovered.AddDays(2), tx.RegulatorNotifiedAt);
    }
}

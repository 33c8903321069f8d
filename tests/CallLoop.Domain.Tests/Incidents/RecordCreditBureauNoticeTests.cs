using CallLoop.Domain;
using static CallLoop.Domain.Tests.Incidents.IncidentScenario;

namespace CallLoop.Domain.Tests.Incidents;

/// <summary>Credit bureaus told of a breach: the obligation is met once every nationwide agency was told.</summary>
public class RecordCreditBureauNoticeTests
{
    private static RecordCreditBureauNotice Told(CreditBureau bureau, string? jurisdiction = null) =>
        new() { IncidentId = IncidentId, Jurisdiction = jurisdiction, Bureau = bureau, SentAt = Discovered.AddDays(3) };

    [Fact]
    public void Given_florida_over_a_thousand_When_all_three_bureaus_told_Then_obligation_met_at_the_last()
    {
        var scenario = Assessed(null, ("FL", 1001)).At(Discovered.AddDays(4));
        Assert.Equal(ObligationStates.Open, scenario.Obligation("FL").CreditBureausState);

        scenario.Given(Told(CreditBureau.Equifax), Told(CreditBureau.Experian));
        Assert.Equal(ObligationStates.Open, scenario.Obligation("FL").CreditBureausState);
        Assert.Equal([CreditBureau.Equifax, CreditBureau.Experian], scenario.Obligation("FL").CreditBureausNotified);

        scenario.Given(Told(CreditBureau.TransUnion) with { SentAt = Discovered.AddDays(4) });
        var florida = scenario.Obligation("FL");
        Assert.Equal(ObligationStates.Met, florida.CreditBureausState);
        Assert.Equal(Discovered.AddDays(4), florida.CreditBureausNotifiedAt);
    }

    [Fact]
    public void Given_no_jurisdiction_When_told_Then_one_event_for_every_jurisdiction_that_requires_it()
    {
        var scenario = Assessed(null, ("FL", 1001), ("TX", 20_000), ("IA", 5000), ("CA", 1000)).At(Discovered.AddDays(5));

        var notified = Assert.IsType<CreditBureauNotified>(Assert.Single(scenario.When(Told(CreditBureau.Equifax))));

        Assert.Equal(["FL", "TX"], notified.Jurisdictions);   // IA's law names no bureau notice; CA's unverified threshold is more than 1,000
        Assert.Equal(CreditBureau.Equifax, notified.Bureau);
    }

    [Fact]
    public void Given_bureau_already_told_When_told_again_Then_nothing_recorded()
    {
        var scenario = Assessed(null, ("FL", 1001)).At(Discovered.AddDays(5)).Given(Told(CreditBureau.Equifax, "fl"));

        Assert.Empty(scenario.When(Told(CreditBureau.Equifax, "FL")));
    }

    [Fact]
    public void Given_below_threshold_or_not_affected_When_told_Then_rule_named()
    {
        var scenario = Assessed(null, ("FL", 1000)).At(Discovered.AddDays(5));

        Assert.Equal("credit-bureaus-not-required", scenario.Rejected(Told(CreditBureau.Equifax, "FL")).Rule);
        Assert.Equal("credit-bureaus-not-required", scenario.Rejected(Told(CreditBureau.Equifax)).Rule);
        Assert.Equal("jurisdiction-not-affected", scenario.Rejected(Told(CreditBureau.Equifax, "TX")).Rule);
        Assert.Equal("incident-not-assessed", Reported().At(Discovered.AddDays(5)).Rejected(Told(CreditBureau.Equifax)).Rule);
    }

    [Fact]
    public void Given_bad_input_When_told_Then_field_named()
    {
        var scenario = Assessed(null, ("FL", 1001)).At(Discovered.AddDays(5));

        Assert.Equal("bureau", scenario.Invalid(Told((CreditBureau)9)).Field);
        Assert.Equal("sentAt", scenario.Invalid(Told(CreditBureau.Equifax) with { SentAt = Discovered.AddDays(-1) }).Field);
        Assert.Equal("jurisdiction", scenario.Invalid(Told(CreditBureau.Equifax, new string('X', 17))).Field);
    }

    [Fact]
    public void Given_minnesota_When_its_48_hours_after_the_first_notice_pass_Then_the_bureaus_are_overdue_and_a_reminder_is_owed()
    {
        var scenario = Assessed(null, ("MN", 600));
        var due = scenario.Obligation("MN").CreditBureausDueAt!.Value;

        Assert.Equal(ObligationStates.Overdue, scenario.At(due).Obligation("MN").CreditBureausState);
        var overdue = Assert.IsType<IncidentObligationOverdue>(Assert.Single(
            scenario.When(new MarkObligation { IncidentId = IncidentId, Jurisdiction = "MN", Obligation = BreachObligationKind.CreditBureaus, Overdue = true })));
        Assert.Equal(due, overdue.DueAt);
    }
}

using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class IncidentDeciderTests
{
    private const string Id = IncidentScenario.IncidentId;

    [Fact]
    public void Given_nothing_When_reported_Then_incident_reported_with_sorted_facts()
    {
        var facts = IncidentScenario.Facts([BreachDataElement.Ssn, BreachDataElement.Name]);

        var events = IncidentDecider.Decide(IncidentState.Initial, new ReportIncident { IncidentId = "incident-2", Facts = facts }, IncidentScenario.Discovered, BreachPolicy.Default);

        var reported = Assert.IsType<IncidentReported>(Assert.Single(events));
        Assert.Equal([BreachDataElement.Name, BreachDataElement.Ssn], reported.Facts.DataElements);
    }

    [Fact]
    public void Given_reported_When_same_report_again_Then_nothing_and_different_one_rejected()
    {
        var scenario = IncidentScenario.Reported();

        Assert.Empty(scenario.When(new ReportIncident { IncidentId = Id, Facts = IncidentScenario.Facts() }));
        Assert.Equal("incident-already-reported", scenario.Rejected(new ReportIncident { IncidentId = Id, Facts = IncidentScenario.Facts(encrypted: true) }).Rule);
    }

    public static TheoryData<string, IncidentFacts> InvalidFacts() => new()
    {
        { "categories", IncidentScenario.Facts() with { Categories = [] } },
        { "dataElements", IncidentScenario.Facts() with { DataElements = [] } },
        { "dataElements", IncidentScenario.Facts() with { DataElements = [(BreachDataElement)99] } },
        { "description", IncidentScenario.Facts() with { Description = " " } },
        { "occurredTo", IncidentScenario.Facts() with { OccurredTo = IncidentScenario.Discovered.AddDays(-30) } },
        { "discoveredAt", IncidentScenario.Facts() with { DiscoveredAt = IncidentScenario.Discovered.AddDays(-25) } },
        { "discoveredAt", IncidentScenario.Facts() with { DiscoveredAt = IncidentScenario.Discovered.AddDays(3) } },
        { "systems[0]", IncidentScenario.Facts() with { Systems = [""] } },
    };

    [Theory]
    [MemberData(nameof(InvalidFacts))]
    public void Given_bad_facts_When_reported_Then_invalid_naming_the_field(string field, IncidentFacts facts)
    {
        var invalid = Assert.Throws<InvalidCommandException>(() =>
            IncidentDecider.Decide(IncidentState.Initial, new ReportIncident { IncidentId = "incident-3", Facts = facts }, IncidentScenario.Discovered.AddHours(1), BreachPolicy.Default));

        Assert.Equal(field, invalid.Field);
    }

    [Fact]
    public void Given_unknown_incident_When_assessed_Then_not_found()
    {
        var scenario = IncidentScenario.Reported();

        Assert.Throws<IncidentNotFoundException>(() =>
            IncidentDecider.Decide(IncidentState.Initial, new StartAssessment { IncidentId = "nope" }, scenario.Clock, BreachPolicy.Default));
    }

    [Fact]
    public void Given_assessment_running_When_started_again_Then_nothing_and_correction_rejected()
    {
        var scenario = IncidentScenario.Reported().Given(new StartAssessment { IncidentId = Id });

        Assert.Empty(scenario.When(new StartAssessment { IncidentId = Id }));
        Assert.Equal("assessment-running", scenario.Rejected(new CorrectIncident { IncidentId = Id, Facts = IncidentScenario.Facts(encrypted: true), Reason = "Encrypted after all." }).Rule);
    }

    [Fact]
    public void Given_assessed_When_corrected_Then_counts_wait_for_a_new_assessment_and_an_old_result_is_dropped()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3))
            .Given(new CorrectIncident { IncidentId = Id, Facts = IncidentScenario.Facts([BreachDataElement.Name, BreachDataElement.Passport]), Reason = "Passports too." });

        Assert.Equal(1, scenario.State.Corrections);
        Assert.Equal("incident-not-assessed", scenario.Rejected(new RecordRegulatorNotice { IncidentId = Id, Jurisdiction = "FL", Regulator = "DLA" }).Rule);

        scenario.Given(new StartAssessment { IncidentId = Id });
        Assert.Empty(scenario.When(new RecordAssessment { IncidentId = Id, Assessment = 1, Jurisdictions = [] }));
        Assert.Single(scenario.When(new RecordAssessment { IncidentId = Id, Assessment = 2, Jurisdictions = [new() { Jurisdiction = "FL", Affected = 4, Notifiable = 4 }] }));
    }

    [Fact]
    public void Given_assessed_When_regulator_of_an_unaffected_jurisdiction_recorded_Then_rejected()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3));

        Assert.Equal("jurisdiction-not-affected", scenario.Rejected(new RecordRegulatorNotice { IncidentId = Id, Jurisdiction = "TX", Regulator = "AG" }).Rule);
    }

    [Fact]
    public void Given_regulator_recorded_When_recorded_again_Then_nothing()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3)).Given(new RecordRegulatorNotice { IncidentId = Id, Jurisdiction = "FL", Regulator = "Department of Legal Affairs" });

        Assert.Empty(scenario.When(new RecordRegulatorNotice { IncidentId = Id, Jurisdiction = "FL", Regulator = "Department of Legal Affairs" }));
    }

    [Fact]
    public void Given_assessed_When_notice_dated_before_discovery_Then_invalid_sentAt()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3));

        Assert.Equal("sentAt", scenario.Invalid(new RecordIndividualNotices
        {
            IncidentId = Id,
            Channel = NoticeChannel.Email,
            SentAt = IncidentScenario.Discovered.AddDays(-1),
            Notices = [new() { Jurisdiction = "FL", Count = 1 }],
        }).Field);
    }

    [Fact]
    public void Given_open_obligation_When_marked_before_its_time_Then_nothing_and_once_due_soon_then_recorded_once()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3));
        var mark = new MarkObligation { IncidentId = Id, Jurisdiction = "FL", Obligation = BreachObligationKind.Individuals };

        Assert.Empty(scenario.When(mark));
        scenario.At(IncidentScenario.Discovered.AddDays(27)).Given(mark);
        Assert.Contains("FL/individuals", scenario.State.DueSoonRecorded);
        Assert.Empty(scenario.When(mark));

        scenario.At(IncidentScenario.Discovered.AddDays(31));
        var overdue = Assert.IsType<IncidentObligationOverdue>(Assert.Single(scenario.When(mark with { Overdue = true })));
        Assert.Equal(IncidentScenario.Discovered.AddDays(30), overdue.DueAt);
    }

    [Fact]
    public void Given_obligation_met_When_overdue_marked_Then_nothing()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3)).At(IncidentScenario.Discovered.AddDays(1))
            .Given(new RecordIndividualNotices { IncidentId = Id, Channel = NoticeChannel.Email, Notices = [new() { Jurisdiction = "FL", Count = 3 }] })
            .At(IncidentScenario.Discovered.AddDays(40));

        Assert.Empty(scenario.When(new MarkObligation { IncidentId = Id, Jurisdiction = "FL", Obligation = BreachObligationKind.Individuals, Overdue = true }));
    }
}

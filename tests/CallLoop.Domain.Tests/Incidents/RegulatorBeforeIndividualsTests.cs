using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

/// <summary>NJ 56:8-163 (State Police) and MD 14-3504 (Attorney General): the regulator hears before the people.</summary>
public class RegulatorBeforeIndividualsTests
{
    private const string Id = IncidentScenario.IncidentId;

    private static RecordIndividualNotices Notices(string jurisdiction, DateTimeOffset? sentAt = null) =>
        new() { IncidentId = Id, Channel = NoticeChannel.Email, SentAt = sentAt, Notices = [new() { Jurisdiction = jurisdiction, Count = 1 }] };

    private static RecordRegulatorNotice Regulator(string jurisdiction, DateTimeOffset? sentAt = null) =>
        new() { IncidentId = Id, Jurisdiction = jurisdiction, Regulator = "the regulator", SentAt = sentAt };

    [Theory]
    [InlineData("NJ", "56:8-163", "Division of State Police")]
    [InlineData("MD", "14-3504", "Attorney General")]
    public void Given_regulator_not_yet_told_When_people_notified_Then_refused_naming_the_rule_and_after_the_regulator_accepted(string code, string statute, string regulator)
    {
        var scenario = IncidentScenario.Assessed(null, (code, 2), ("FL", 3));
        Assert.True(scenario.Obligation(code).IndividualNoticesAwaitRegulator);

        var refused = scenario.Rejected(Notices(code));

        Assert.Equal("regulator-before-individuals", refused.Rule);
        Assert.Contains(statute, refused.Message, StringComparison.Ordinal);
        Assert.Contains(regulator, refused.Message, StringComparison.Ordinal);
        Assert.Single(scenario.When(Notices("FL")));

        scenario.Given(Regulator(code));
        Assert.False(scenario.Obligation(code).IndividualNoticesAwaitRegulator);
        var recorded = Assert.IsType<IndividualNoticesRecorded>(Assert.Single(scenario.When(Notices(code))));
        Assert.Equal(code, Assert.Single(recorded.Notices).Jurisdiction);
    }

    [Fact]
    public void Given_a_batch_with_one_waiting_jurisdiction_When_recorded_Then_the_whole_batch_is_refused()
    {
        var scenario = IncidentScenario.Assessed(null, ("NJ", 2), ("FL", 3));

        var batch = new RecordIndividualNotices
        {
            IncidentId = Id,
            Channel = NoticeChannel.Mail,
            Notices = [new() { Jurisdiction = "FL", Count = 3 }, new() { Jurisdiction = "NJ", Count = 2 }],
        };

        Assert.Equal("regulator-before-individuals", scenario.Rejected(batch).Rule);
    }

    [Fact]
    public void Given_regulator_told_When_people_notices_dated_before_it_Then_refused()
    {
        var told = IncidentScenario.Discovered.AddMinutes(30);
        var scenario = IncidentScenario.Assessed(null, ("NJ", 2)).Given(Regulator("NJ", told));

        Assert.Equal("regulator-before-individuals", scenario.Rejected(Notices("NJ", told.AddMinutes(-1))).Rule);
        Assert.Single(scenario.When(Notices("NJ", told)));
    }

    [Fact]
    public void Given_no_notice_owed_When_people_told_anyway_in_NJ_Then_no_regulator_is_waited_for()
    {
        // Encrypted and the key not taken: no notice is required, so neither is the State Police's.
        var scenario = IncidentScenario.Assessed(IncidentScenario.Facts(encrypted: true), ("NJ", 2));

        Assert.False(scenario.Obligation("NJ").RegulatorNoticeRequired);
        Assert.False(scenario.Obligation("NJ").IndividualNoticesAwaitRegulator);
        Assert.Single(scenario.When(Notices("NJ")));
    }

    [Theory]
    [InlineData("FL")]
    [InlineData("CT")]
    [InlineData("IL")]
    public void Given_a_state_whose_regulator_may_hear_at_the_same_time_When_people_notified_first_Then_accepted(string code)
    {
        var scenario = IncidentScenario.Assessed(null, (code, 600));

        Assert.False(scenario.Obligation(code).IndividualNoticesAwaitRegulator);
        Assert.Single(scenario.When(Notices(code)));
    }
}

using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class AssessmentFailureTests
{
    private const string Id = IncidentScenario.IncidentId;

    private static IncidentScenario Running() => IncidentScenario.Reported().Given(new StartAssessment { IncidentId = Id });

    private static RecordAssessmentFailure Failure(int assessment = 1, string errorType = "PostgresException", int attempts = 5) =>
        new() { IncidentId = Id, Assessment = assessment, ErrorType = errorType, Attempts = attempts };

    [Fact]
    public void Given_assessment_running_When_its_failure_is_recorded_Then_failed_with_type_and_attempts_and_nothing_runs()
    {
        var scenario = Running();

        var failed = Assert.IsType<IncidentAssessmentFailed>(Assert.Single(scenario.When(Failure())));
        scenario.Given(Failure());

        Assert.Equal((1, "PostgresException", 5), (failed.Assessment, failed.ErrorType, failed.Attempts));
        Assert.True(scenario.State.AssessmentFailed);
        Assert.False(scenario.State.AssessmentRunning);
        Assert.Empty(scenario.When(Failure()));
    }

    [Fact]
    public void Given_failed_assessment_When_notices_recorded_Then_rejected_as_assessment_failed()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3))
            .Given(new StartAssessment { IncidentId = Id })
            .Given(Failure(assessment: 2));

        Assert.Equal("assessment-failed", scenario.Rejected(new RecordRegulatorNotice { IncidentId = Id, Jurisdiction = "FL", Regulator = "DLA" }).Rule);
        Assert.Equal("assessment-failed", scenario.Rejected(new RecordIndividualNotices { IncidentId = Id, Channel = NoticeChannel.Email, Notices = [] }).Rule);
    }

    [Fact]
    public void Given_failed_assessment_When_restarted_Then_a_new_assessment_runs_and_can_complete()
    {
        var scenario = Running().Given(Failure());

        var started = Assert.IsType<IncidentAssessmentStarted>(Assert.Single(scenario.When(new RestartAssessment { IncidentId = Id })));
        scenario.Given(new RestartAssessment { IncidentId = Id });

        Assert.Equal(2, started.Assessment);
        Assert.True(scenario.State.AssessmentRunning);
        Assert.False(scenario.State.AssessmentFailed);
        Assert.Empty(scenario.When(Failure(assessment: 1)));
        scenario.Given(new RecordAssessment { IncidentId = Id, Assessment = 2, Jurisdictions = [new() { Jurisdiction = "FL", Affected = 2, Notifiable = 2 }] });
        Assert.Equal(2, scenario.State.AssessmentCompleted);
        Assert.False(scenario.State.AssessmentFailed);
    }

    [Fact]
    public void Given_running_or_completed_assessment_When_restarted_Then_rejected_as_not_failed()
    {
        Assert.Equal("assessment-not-failed", Running().Rejected(new RestartAssessment { IncidentId = Id }).Rule);
        Assert.Equal("assessment-not-failed", IncidentScenario.Assessed(null, ("FL", 1)).Rejected(new RestartAssessment { IncidentId = Id }).Rule);
        Assert.Equal("assessment-not-failed", IncidentScenario.Reported().Rejected(new RestartAssessment { IncidentId = Id }).Rule);
    }

    [Fact]
    public void Given_failed_assessment_When_corrected_Then_accepted_and_the_next_start_is_a_new_assessment()
    {
        var scenario = Running().Given(Failure())
            .Given(new CorrectIncident { IncidentId = Id, Facts = IncidentScenario.Facts(encrypted: true), Reason = "Encrypted after all." });

        Assert.False(scenario.State.AssessmentFailed);
        Assert.True(scenario.State.AssessmentStale);
        Assert.Equal(2, Assert.IsType<IncidentAssessmentStarted>(Assert.Single(scenario.When(new StartAssessment { IncidentId = Id }))).Assessment);
    }

    [Theory]
    [InlineData("Npgsql failed for alice@example.com", "errorType")]
    [InlineData("", "errorType")]
    [InlineData("PostgresException", "attempts")]
    public void Given_bad_failure_When_recorded_Then_invalid_naming_the_field(string errorType, string field)
    {
        var invalid = Running().Invalid(Failure(errorType: errorType, attempts: field == "attempts" ? 0 : 3));

        Assert.Equal(field, invalid.Field);
    }
}

using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class AssessmentFailureTests
{
    private const string Id = IncidentScenario.IncidentId;

    private static IncidentScenario Running() => IncidentScenario.Reported().Given(new StartAssessment { IncidentId = Id });

    /// <summary>A failed attempt; with one attempt allowed (unless said) it gives the assessment up at once.</summary>
    private static RecordAssessmentFailure Failure(int assessment = 1, string errorType = "PostgresException", int attemptsAllowed = 1) =>
        new() { IncidentId = Id, Assessment = assessment, ErrorType = errorType, AttemptsAllowed = attemptsAllowed };

    [Fact]
    public void Given_assessment_running_When_its_failure_is_recorded_Then_failed_with_type_and_attempts_and_nothing_runs()
    {
        var scenario = Running();

        var failed = Assert.IsType<IncidentAssessmentFailed>(Assert.Single(scenario.When(Failure())));
        scenario.Given(Failure());

        Assert.Equal((1, "PostgresException", 1), (failed.Assessment, failed.ErrorType, failed.Attempts));
        Assert.True(scenario.State.AssessmentFailed);
        Assert.False(scenario.State.AssessmentRunning);
        Assert.Empty(scenario.When(Failure()));
    }

    [Fact]
    public void Given_three_attempts_allowed_When_attempts_fail_Then_the_stream_counts_them_and_the_third_gives_up()
    {
        var scenario = Running();

        var first = Assert.IsType<IncidentAssessmentAttemptFailed>(Assert.Single(scenario.When(Failure(attemptsAllowed: 3))));
        scenario.Given(Failure(attemptsAllowed: 3));
        var second = Assert.IsType<IncidentAssessmentAttemptFailed>(Assert.Single(scenario.When(Failure(attemptsAllowed: 3))));
        scenario.Given(Failure(attemptsAllowed: 3));
        var third = Assert.IsType<IncidentAssessmentFailed>(Assert.Single(scenario.When(Failure(errorType: "TimeoutException", attemptsAllowed: 3))));

        Assert.Equal((1, "PostgresException", 1), (first.Assessment, first.ErrorType, first.Attempt));
        Assert.Equal(2, second.Attempt);
        Assert.True(scenario.State.AssessmentRunning);
        Assert.Equal(2, scenario.State.AssessmentAttemptsFailed);
        Assert.Equal((1, "TimeoutException", 3), (third.Assessment, third.ErrorType, third.Attempts));
    }

    [Fact]
    public void Given_failed_attempts_recorded_When_the_stream_is_folded_again_Then_the_count_goes_on_from_there()
    {
        // What a new activation (or another silo) sees: the count is the stream's, not the job's.
        var scenario = Running().Given(Failure(attemptsAllowed: 3), Failure(attemptsAllowed: 3));
        var events = new IncidentEvent[]
        {
            new IncidentReported { IncidentId = Id, Facts = IncidentScenario.Facts() },
            new IncidentAssessmentStarted { IncidentId = Id, Assessment = 1 },
            new IncidentAssessmentAttemptFailed { IncidentId = Id, Assessment = 1, ErrorType = "PostgresException", Attempt = 1 },
            new IncidentAssessmentAttemptFailed { IncidentId = Id, Assessment = 1, ErrorType = "PostgresException", Attempt = 2 },
        };

        var refolded = IncidentEvolver.Fold(events);

        Assert.Equal(scenario.State.AssessmentAttemptsFailed, refolded.AssessmentAttemptsFailed);
        var given = Assert.IsType<IncidentAssessmentFailed>(Assert.Single(IncidentDecider.Decide(refolded, Failure(attemptsAllowed: 3), scenario.Clock, scenario.Policy)));
        Assert.Equal(3, given.Attempts);
    }

    [Fact]
    public void Given_an_assessment_that_gave_up_When_restarted_Then_the_new_one_counts_from_one_and_the_old_ones_attempts_are_dropped()
    {
        var scenario = Running().Given(Failure(attemptsAllowed: 3), Failure(attemptsAllowed: 3), Failure(attemptsAllowed: 3))
            .Given(new RestartAssessment { IncidentId = Id });

        Assert.Equal(0, scenario.State.AssessmentAttemptsFailed);
        Assert.Empty(scenario.When(Failure(assessment: 1, attemptsAllowed: 3)));
        Assert.Equal(1, Assert.IsType<IncidentAssessmentAttemptFailed>(Assert.Single(scenario.When(Failure(assessment: 2, attemptsAllowed: 3)))).Attempt);
        Assert.Equal(0, scenario.Given(Failure(assessment: 1, attemptsAllowed: 3)).State.AssessmentAttemptsFailed);
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
    [InlineData("PostgresException", "attemptsAllowed")]
    public void Given_bad_failure_When_recorded_Then_invalid_naming_the_field(string errorType, string field)
    {
        var invalid = Running().Invalid(Failure(errorType: errorType, attemptsAllowed: field == "attemptsAllowed" ? 0 : 3));

        Assert.Equal(field, invalid.Field);
    }
}

using System.Text.Json;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class IncidentEventSerializationTests
{
    private static readonly Type[] EventTypes = typeof(IncidentEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(IncidentEvent)) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void Given_every_incident_event_When_names_listed_Then_each_has_a_unique_snake_case_stored_name()
    {
        Assert.Equal(EventTypes.OrderBy(t => t.Name), IncidentEventTypeNames.All.Keys.OrderBy(t => t.Name));
        Assert.Equal(IncidentEventTypeNames.All.Count, IncidentEventTypeNames.All.Values.Distinct().Count());
        Assert.All(IncidentEventTypeNames.All.Values, name => Assert.Matches("^incident_[a-z]+(_[a-z]+)*$", name));
    }

    [Fact]
    public void Given_incident_events_When_round_tripped_through_domain_json_Then_the_fold_is_the_same()
    {
        var scenario = IncidentScenario.Assessed(null, ("FL", 3), ("CA", 2)).At(IncidentScenario.Discovered.AddDays(2))
            .Given(new RecordRegulatorNotice { IncidentId = IncidentScenario.IncidentId, Jurisdiction = "FL", Regulator = "Department of Legal Affairs" });
        var events = new IncidentEvent[]
        {
            new IncidentReported { IncidentId = "i", Facts = IncidentScenario.Facts() },
            new IncidentAssessmentStarted { IncidentId = "i", Assessment = 1 },
            new IncidentAssessed { IncidentId = "i", Assessment = 1, Jurisdictions = [new() { Jurisdiction = "FL", Affected = 3, Notifiable = 2 }] },
            new IndividualNoticesRecorded { IncidentId = "i", Channel = NoticeChannel.Email, SentAt = IncidentScenario.Discovered, Notices = [new() { Jurisdiction = "FL", Count = 2 }] },
            new RegulatorNotified { IncidentId = "i", Jurisdiction = "FL", Regulator = "DLA", SentAt = IncidentScenario.Discovered },
            new IncidentAssessmentStarted { IncidentId = "i", Assessment = 2 },
            new IncidentAssessmentAttemptFailed { IncidentId = "i", Assessment = 2, ErrorType = "PostgresException", Attempt = 4 },
            new IncidentAssessmentFailed { IncidentId = "i", Assessment = 2, ErrorType = "PostgresException", Attempts = 5 },
            new CreditBureauNotified { IncidentId = "i", Jurisdictions = ["FL"], Bureau = CreditBureau.TransUnion, SentAt = IncidentScenario.Discovered },
        };

        var copies = events.Select(e => (IncidentEvent)JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), DomainJson.Options), e.GetType(), DomainJson.Options)!).ToArray();

        var original = IncidentEvolver.Fold(events);
        var copy = IncidentEvolver.Fold(copies);
        Assert.Equal(original.Facts!.DataElements, copy.Facts!.DataElements);
        Assert.Equal(original.NoticesSent["FL"], copy.NoticesSent["FL"]);
        Assert.Equal(original.Affected["FL"], copy.Affected["FL"]);
        Assert.Equal(original.CreditBureauNotices["FL"], copy.CreditBureauNotices["FL"]);
        Assert.True(copy.AssessmentFailed);
        Assert.Equal(original.LastFailure!.ErrorType, copy.LastFailure!.ErrorType);
        Assert.Equal(5, copy.AssessmentAttemptsFailed);
        Assert.Equal(2, scenario.State.Affected.Count);
    }
}

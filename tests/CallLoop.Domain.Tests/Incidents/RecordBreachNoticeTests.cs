using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

public class RecordBreachNoticeTests
{
    private static RecordBreachNotice Notice(string incidentId = "incident-1") => new()
    {
        SubjectId = Scenario.SubjectId,
        IncidentId = incidentId,
        Channel = NoticeChannel.Email,
        Jurisdiction = "FL",
    };

    [Fact]
    public void Given_registered_subject_When_notice_recorded_Then_breach_notice_sent_and_kept_in_state()
    {
        var scenario = Scenario.Registered("FL");

        var sent = Assert.IsType<BreachNoticeSent>(Assert.Single(scenario.When(Notice())));
        var state = scenario.Then(Notice());

        Assert.Equal(("incident-1", NoticeChannel.Email, Scenario.Now), (sent.IncidentId, sent.Channel, sent.SentAt));
        Assert.Equal("incident-1", Assert.Single(state.BreachNotices).IncidentId);
    }

    [Fact]
    public void Given_notice_sent_When_recorded_again_for_the_same_incident_Then_nothing()
    {
        var scenario = Scenario.Registered("FL").Given(Notice());

        Assert.Empty(scenario.When(Notice()));
        Assert.Single(scenario.When(Notice("incident-2")));
    }

    [Fact]
    public void Given_identifiers_erased_When_notice_recorded_Then_rejected()
    {
        var scenario = Scenario.Registered("FL").GivenEvents(new PersonalDataErased
        {
            SubjectId = Scenario.SubjectId,
            ErasedCategories = [PersonalInformationCategory.Identifiers],
        });

        Assert.Equal("subject-erased", scenario.Rejected(Notice()).Rule);
    }

    [Fact]
    public void Given_breach_notice_event_When_names_listed_Then_pinned_as_breach_notice_sent()
    {
        Assert.Equal("breach_notice_sent", EventTypeNames.All[typeof(BreachNoticeSent)]);
        Assert.Equal("incident_reported", IncidentEventTypeNames.All[typeof(IncidentReported)]);
        Assert.Empty(EventTypeNames.All.Values.Intersect(IncidentEventTypeNames.All.Values));
    }
}

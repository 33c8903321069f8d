using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Corrections;

public class CorrectInformationTests
{
    private static CorrectInformation Correct(string field, string value, string? requestId = null, PersonalInformationCategory category = PersonalInformationCategory.Identifiers) => new()
    {
        SubjectId = Scenario.SubjectId,
        Category = category,
        Field = field,
        NewValue = value,
        RequestId = requestId,
    };

    [Fact]
    public void Given_correct_request_When_email_corrected_Then_contact_updated()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Correct);

        var state = scenario.Then(Correct("email", "New@Example.com", "r-1"));

        Assert.Equal("new@example.com", state.Email);
    }

    [Fact]
    public void Given_subject_When_phone_corrected_with_garbage_Then_invalid_new_value()
    {
        Assert.Equal("newValue", Scenario.Registered().Invalid(Correct("phone", "not a phone")).Field);
    }

    [Fact]
    public void Given_category_not_held_When_corrected_Then_rejected()
    {
        var error = Scenario.Registered().Rejected(Correct("employer", "Acme", category: PersonalInformationCategory.ProfessionalInformation));

        Assert.Equal("category-not-held", error.Rule);
    }

    [Fact]
    public void Given_delete_request_When_correction_cites_it_Then_rejected()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("request-type-mismatch", scenario.Rejected(Correct("name", "Pat", "r-1")).Rule);
    }

    [Fact]
    public void Given_unknown_request_When_correction_cites_it_Then_request_not_found()
    {
        Assert.Throws<RequestNotFoundException>(() => Scenario.Registered().When(Correct("name", "Pat", "missing")));
    }
}

using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Contact;

public class SubjectPhonesTests
{
    private static CollectPersonalInformation CollectIdentifiers(string field, string value) => new()
    {
        SubjectId = Scenario.SubjectId,
        Category = PersonalInformationCategory.Identifiers,
        Source = CollectionSource.Direct,
        Purposes = [ProcessingPurpose.Communications],
        Data = new Dictionary<string, string> { [field] = value },
    };

    [Fact]
    public void Given_registered_with_phone_Then_the_canonical_phone_is_known()
    {
        Assert.Equal(new[] { "+15551234567" }, SubjectPhones.Known(Scenario.Registered().State));
    }

    [Fact]
    public void Given_phone_collected_as_identifier_When_collected_Then_it_is_canonical_and_replaces_the_contact_phone()
    {
        var state = Scenario.Registered().Then(CollectIdentifiers("phone", "555.987.6543"));

        Assert.Equal("+15559876543", state.Phone);
        Assert.Equal("+15559876543", state.Categories[PersonalInformationCategory.Identifiers].Values["phone"]);
        Assert.Equal(new[] { "+15559876543" }, SubjectPhones.Known(state));
    }

    [Fact]
    public void Given_email_collected_as_identifier_When_collected_Then_it_becomes_the_contact_email_in_lower_case()
    {
        var state = Scenario.Registered().Then(CollectIdentifiers("email", "New.Address@Example.com"));

        Assert.Equal("new.address@example.com", state.Email);
    }

    [Fact]
    public void Given_malformed_phone_collected_as_identifier_When_collected_Then_invalid_naming_the_data_field()
    {
        Assert.Equal("data.phone", Scenario.Registered().Invalid(CollectIdentifiers("phone", "call me maybe")).Field);
    }

    [Fact]
    public void Given_phone_corrected_Then_only_the_new_phone_is_known()
    {
        var state = Scenario.Registered().Then(new CorrectInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.Identifiers,
            Field = "phone",
            NewValue = "+1 555 000 1111",
        });

        Assert.Equal(new[] { "+15550001111" }, SubjectPhones.Known(state));
    }

    [Fact]
    public void Given_minor_detected_Then_erasure_forgets_every_phone()
    {
        var state = Scenario.Registered()
            .Given(CollectIdentifiers("phone", "555-987-6543"))
            .Then(new DetectMinor { SubjectId = Scenario.SubjectId, Evidence = "support-ticket" });

        Assert.Empty(SubjectPhones.Known(state));
    }
}

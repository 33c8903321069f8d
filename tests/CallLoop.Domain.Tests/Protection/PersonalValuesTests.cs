using System.Text.Json;
using CallLoop.Domain;
using CallLoop.Domain.Tests.Serialization;

namespace CallLoop.Domain.Tests.Protection;

public class PersonalValuesTests
{
    private static readonly PersonalInformationCategory A = PersonalInformationCategory.Identifiers;

    [Fact]
    public void Given_registration_When_values_listed_Then_contact_details_are_identifiers_and_birth_date_is_protected_classification()
    {
        var registered = new SubjectRegistered { Jurisdiction = "CA", Email = "pat@example.com", Phone = "+15551234567", Name = "Pat", BirthDate = new DateOnly(1990, 5, 17) };

        var values = PersonalValues.Of(registered);

        Assert.Equal(
            [
                new PersonalValue(A, "email", "pat@example.com"),
                new PersonalValue(A, "phone", "+15551234567"),
                new PersonalValue(A, "name", "Pat"),
                new PersonalValue(PersonalInformationCategory.ProtectedClassifications, "birthDate", "1990-05-17"),
            ],
            values);
        Assert.DoesNotContain(values, v => v.Value == "CA");
    }

    [Fact]
    public void Given_collection_When_values_listed_Then_every_data_value_in_the_collected_category_and_metadata_stays_out()
    {
        var collected = new PersonalInformationCollected
        {
            Category = PersonalInformationCategory.InternetActivity,
            Source = CollectionSource.ThirdParty,
            SourceDetail = "marketing-partner",
            Purposes = [ProcessingPurpose.Analytics],
            Data = new Dictionary<string, string> { ["ip"] = "203.0.113.7", ["browser"] = "firefox" },
        };

        Assert.Equal(
            [new PersonalValue(PersonalInformationCategory.InternetActivity, "browser", "firefox"), new PersonalValue(PersonalInformationCategory.InternetActivity, "ip", "203.0.113.7")],
            PersonalValues.Of(collected));
    }

    [Fact]
    public void Given_correction_When_values_listed_Then_new_value_in_its_category()
    {
        var corrected = new InformationCorrected { Category = PersonalInformationCategory.Geolocation, Field = "city", NewValue = "Fresno", RequestId = "r-1" };

        Assert.Equal([new PersonalValue(PersonalInformationCategory.Geolocation, "city", "Fresno")], PersonalValues.Of(corrected));
    }

    [Fact]
    public void Given_request_by_agent_When_values_listed_Then_agent_name_and_proof_are_identifiers_and_request_metadata_stays_out()
    {
        var received = new RightsRequestReceived
        {
            RequestId = "r-1",
            Type = RightsRequestType.Delete,
            Jurisdiction = "CA",
            Agent = new AuthorizedAgent { Name = "Agent Co", ProofOfAuthorization = "signed.pdf" },
        };

        Assert.Equal([new PersonalValue(A, "agent.name", "Agent Co"), new PersonalValue(A, "agent.proofOfAuthorization", "signed.pdf")], PersonalValues.Of(received));
        Assert.Empty(PersonalValues.Of(received with { Agent = null }));
    }

    [Fact]
    public void Given_every_sample_event_When_values_listed_Then_only_carrying_types_have_values()
    {
        foreach (var e in SampleEvents.All)
        {
            Assert.Equal(PersonalValues.CarryingTypes.Contains(e.GetType()), PersonalValues.Of(e).Count > 0);
        }
    }

    [Fact]
    public void Given_every_sample_event_When_sealed_and_opened_Then_identical_and_sealed_form_holds_no_value()
    {
        foreach (var e in SampleEvents.All)
        {
            var plain = PersonalValues.Of(e).Select(v => v.Value).ToArray();
            var sealedEvent = PersonalValues.Map(e, v => "sealed:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(v.Value)));
            var opened = PersonalValues.Map(sealedEvent, v => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(v.Value["sealed:".Length..])));

            var sealedJson = Json(sealedEvent);
            Assert.All(plain, value => Assert.DoesNotContain(value, sealedJson, StringComparison.Ordinal));
            Assert.Equal(Json(e), Json(opened));
        }
    }

    [Fact]
    public void Given_birth_date_When_sealed_Then_date_moves_to_sealed_text_field()
    {
        var registered = new SubjectRegistered { Jurisdiction = "CA", BirthDate = new DateOnly(1990, 5, 17) };

        var sealedEvent = (SubjectRegistered)PersonalValues.Map(registered, _ => "pii:1:C1:xyz");

        Assert.Null(sealedEvent.BirthDate);
        Assert.Equal("pii:1:C1:xyz", sealedEvent.SealedBirthDate);
    }

    [Fact]
    public void Given_values_When_mapped_to_absent_Then_fields_are_emptied_and_data_entries_removed()
    {
        var registered = (SubjectRegistered)PersonalValues.Map(SampleEvents.All.OfType<SubjectRegistered>().Single(), _ => null);
        var collected = (PersonalInformationCollected)PersonalValues.Map(SampleEvents.All.OfType<PersonalInformationCollected>().First(), _ => null);

        Assert.Null(registered.Email);
        Assert.Null(registered.Phone);
        Assert.Null(registered.Name);
        Assert.Null(registered.BirthDate);
        Assert.Null(registered.SealedBirthDate);
        Assert.Empty(collected.Data);
        Assert.Equal("CA", registered.Jurisdiction);
    }

    [Fact]
    public void Given_registered_subject_with_collection_and_agent_When_state_values_listed_Then_contact_held_values_and_agent_but_not_birth_date()
    {
        var state = Scenario.Registered()
            .Given(new CollectPersonalInformation
            {
                SubjectId = Scenario.SubjectId,
                Category = PersonalInformationCategory.CommercialInformation,
                Source = CollectionSource.Direct,
                Purposes = [ProcessingPurpose.PaymentProcessing],
                Data = new Dictionary<string, string> { ["plan"] = "pro" },
            })
            .GivenRequest("r-1", RightsRequestType.Delete, new AuthorizedAgent { Name = "Agent Co", ProofOfAuthorization = "signed.pdf" })
            .State;

        var values = PersonalValues.Of(state).Select(v => (v.Category, v.Field, v.Value)).ToArray();

        Assert.Contains((A, "email", "person@example.com"), values);
        Assert.Contains((A, "name", "Pat Example"), values);
        Assert.Contains((PersonalInformationCategory.CommercialInformation, "plan", "pro"), values);
        Assert.Contains((A, "agent.name", "Agent Co"), values);
        Assert.DoesNotContain(values, v => v.Field == PersonalValues.BirthDateField);
    }

    private static string Json(SubjectEvent e) => JsonSerializer.Serialize(e, e.GetType(), DomainJson.Options);
}

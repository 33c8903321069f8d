using System.Text.Json;
using System.Text.Json.Nodes;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Serialization;

public class EventSerializationTests
{
    private static readonly Type[] EventTypes = typeof(SubjectEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(SubjectEvent)) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void Given_every_event_type_When_names_listed_Then_each_has_a_unique_snake_case_stored_name()
    {
        Assert.Equal(EventTypes.OrderBy(t => t.Name), EventTypeNames.All.Keys.OrderBy(t => t.Name));
        Assert.Equal(EventTypeNames.All.Count, EventTypeNames.All.Values.Distinct().Count());
        Assert.All(EventTypeNames.All.Values, name => Assert.Matches("^[a-z]+(_[a-z]+)*$", name));
        Assert.Equal("subject_registered", EventTypeNames.All[typeof(SubjectRegistered)]);
        Assert.Equal("personal_information_collected", EventTypeNames.All[typeof(PersonalInformationCollected)]);
    }

    [Fact]
    public void Given_every_event_type_When_sampled_Then_samples_cover_them_all()
    {
        Assert.Equal(EventTypes.OrderBy(t => t.Name), SampleEvents.All.Select(e => e.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public void Given_each_event_When_round_tripped_through_domain_json_Then_equal_in_every_member()
    {
        foreach (var original in SampleEvents.All)
        {
            var json = JsonSerializer.Serialize(original, original.GetType(), DomainJson.Options);
            var copy = (SubjectEvent)JsonSerializer.Deserialize(json, original.GetType(), DomainJson.Options)!;

            // Records compare collections by reference, so compare the re-serialized JSON instead.
            Assert.Equal(json, JsonSerializer.Serialize(copy, copy.GetType(), DomainJson.Options));
            Assert.Equal((original.SubjectId, original.OccurredAt, original.IdempotencyKey), (copy.SubjectId, copy.OccurredAt, copy.IdempotencyKey));
        }
    }

    [Fact]
    public void Given_event_When_serialized_Then_camel_case_with_kebab_enums_and_iso_dates()
    {
        var received = SampleEvents.All.OfType<RightsRequestReceived>().Single();

        var json = JsonNode.Parse(JsonSerializer.Serialize(received, DomainJson.Options))!;

        Assert.Equal("opt-out-sale-sharing", (string?)json["type"]);
        Assert.Equal("web-form", (string?)json["channel"]);
        Assert.Equal("2025-03-03T12:00:00+00:00", (string?)json["receivedAt"]);
        Assert.Equal("signed", (string?)json["agent"]!["proofOfAuthorization"]);
        Assert.Equal("subject-1", (string?)json["subjectId"]);
    }

    [Fact]
    public void Given_category_When_serialized_Then_ccpa_letter()
    {
        var collected = SampleEvents.All.OfType<PersonalInformationCollected>().Single();

        var json = JsonNode.Parse(JsonSerializer.Serialize(collected, DomainJson.Options))!;

        Assert.Equal("A", (string?)json["category"]);
        Assert.Equal("third-party", (string?)json["source"]);
        Assert.Equal("legal-compliance", (string?)json["purposes"]![1]);
        Assert.Equal("a@example.com", (string?)json["data"]!["email"]);
    }

    [Fact]
    public void Given_numeric_enum_When_deserialized_Then_rejected()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OptedOut>("""{"scope":1,"method":"gpc"}""", DomainJson.Options));
    }

    [Fact]
    public void Given_profile_When_serialized_Then_request_status_is_kebab_case()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete)
            .Given(new FailVerification { SubjectId = Scenario.SubjectId, RequestId = "r-1", Method = VerificationMethod.DataPoints });

        var json = JsonNode.Parse(JsonSerializer.Serialize(SubjectViews.ToProfile(scenario.State), DomainJson.Options))!;

        Assert.Equal("verification-failed", (string?)json["requests"]![0]!["status"]);
        Assert.Equal("data-points", (string?)json["requests"]![0]!["verificationMethod"]);
    }
}

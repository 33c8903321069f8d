using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using Marten;

namespace CallLoop.Integration.Tests.Compatibility;

/// <summary>
/// Streams as stored by the code of 6b19f38 (golden-events.json: one entry per event, its pinned stored name and the
/// data column Marten wrote) and the states they folded to then (golden-states.json). Old streams must keep
/// reading and folding the same, whatever the records look like in code today.
/// </summary>
public sealed class GoldenEventsTests
{
    private static readonly ISerializer StoreSerializer = CreateStoreSerializer();

    private static readonly IReadOnlyDictionary<string, Type> TypesByStoredName =
        EventTypeNames.All.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static TheoryData<string> StreamIds => ["golden-a", "golden-b", "golden-c"];

    [Fact]
    public void Given_the_golden_streams_When_read_Then_every_event_type_shipped_at_the_time_is_covered()
    {
        var stored = Golden().SelectMany(stream => stream.Events).Select(e => e.StoredName).ToHashSet();

        Assert.Equal(36, stored.Count);
        Assert.All(stored, name => Assert.True(TypesByStoredName.ContainsKey(name), $"Stored name '{name}' is no longer mapped."));
    }

    [Theory]
    [MemberData(nameof(StreamIds))]
    public void Given_stored_events_When_deserialized_and_written_again_Then_every_stored_field_keeps_its_name_and_value(string streamId)
    {
        foreach (var (storedName, data) in Golden().Single(s => s.Id == streamId).Events)
        {
            var written = JsonNode.Parse(StoreSerializer.ToJson(Read(storedName, data)))!;

            AssertContains(data, written, $"{storedName}");
        }
    }

    [Theory]
    [MemberData(nameof(StreamIds))]
    public void Given_stored_events_When_folded_Then_the_state_is_the_one_they_folded_to_when_written(string streamId)
    {
        var stream = Golden().Single(s => s.Id == streamId);
        var state = stream.Events.Select(e => Read(e.StoredName, e.Data)).Aggregate(SubjectState.Initial, SubjectEvolver.Evolve);
        var expected = JsonNode.Parse(File.ReadAllText(PathOf("golden-states.json")))![streamId]!;

        Assert.Equal(stream.Events.Count, state.Version);
        AssertContains(expected, JsonNode.Parse(JsonSerializer.Serialize(state, DomainJson.Options))!, streamId);
    }

    [Fact]
    public void Given_the_golden_delete_stream_When_folded_Then_the_erasure_and_processor_answers_are_read_back()
    {
        var stream = Golden().Single(s => s.Id == "golden-b");
        var state = stream.Events.Select(e => Read(e.StoredName, e.Data)).Aggregate(SubjectState.Initial, SubjectEvolver.Evolve);

        var request = state.Requests["req-delete"];
        Assert.Equal(RightsRequestStatus.Completed, request.Status);
        Assert.Equal(["crm", "mailer"], request.ProcessorsAwaited.Order());
        Assert.Equal(["crm"], request.ProcessorsAcknowledged);
        Assert.Equal("mailer", Assert.Single(request.ProcessorsWaived).Processor);
        Assert.Equal(PersonalInformationCategory.CommercialInformation, Assert.Single(request.RetainedCategories).Category);
        Assert.DoesNotContain(PersonalInformationCategory.Identifiers, state.Categories.Keys);
        Assert.Null(state.Email);
    }

    private static SubjectEvent Read(string storedName, JsonNode data)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(data.ToJsonString()));
        return (SubjectEvent)StoreSerializer.FromJson(TypesByStoredName[storedName], json);
    }

    /// <summary>Every member of <paramref name="expected"/> is in <paramref name="actual"/> with an equal value; arrays match item by item in any order (some are hash sets); new members are allowed, also inside array items.</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject members:
                var actualMembers = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (name, value) in members)
                {
                    Assert.True(actualMembers.ContainsKey(name), $"{path}.{name} is missing.");
                    AssertContains(value, actualMembers[name], $"{path}.{name}");
                }

                break;
            case JsonArray items:
                var actualItems = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(items.Count == actualItems.Count, $"{path} has {actualItems.Count} items, expected {items.Count}.");
                var unmatched = actualItems.ToList();
                foreach (var item in items)
                {
                    var match = unmatched.FindIndex(candidate => Holds(item, candidate));
                    Assert.True(match >= 0, $"{path} differs: expected {expected.ToJsonString()}, got {actual!.ToJsonString()}.");
                    unmatched.RemoveAt(match);
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}.");
                break;
        }
    }

    /// <summary>Whether <paramref name="actual"/> holds everything <paramref name="expected"/> says (the same containment as <see cref="AssertContains"/>).</summary>
    private static bool Holds(JsonNode? expected, JsonNode? actual) => expected switch
    {
        JsonObject members => actual is JsonObject actualMembers
            && members.All(member => actualMembers.ContainsKey(member.Key) && Holds(member.Value, actualMembers[member.Key])),
        JsonArray items => actual is JsonArray actualItems && items.Count == actualItems.Count && MatchAll(items, actualItems.ToList()),
        _ => JsonNode.DeepEquals(expected, actual),
    };

    private static bool MatchAll(IEnumerable<JsonNode?> expected, List<JsonNode?> candidates)
    {
        foreach (var item in expected)
        {
            var match = candidates.FindIndex(candidate => Holds(item, candidate));
            if (match < 0)
            {
                return false;
            }

            candidates.RemoveAt(match);
        }

        return true;
    }

    private static IReadOnlyList<(string Id, IReadOnlyList<(string StoredName, JsonNode Data)> Events)> Golden() =>
        JsonNode.Parse(File.ReadAllText(PathOf("golden-events.json")))!["streams"]!.AsArray()
            .Select(stream => (
                stream!["streamId"]!.GetValue<string>(),
                (IReadOnlyList<(string, JsonNode)>)stream["events"]!.AsArray().Select(e => (e!["type"]!.GetValue<string>(), e["data"]!)).ToList()))
            .ToList();

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Compatibility", file);

    private static ISerializer CreateStoreSerializer()
    {
        var options = new StoreOptions();
        PrivacyEventStoreExtensions.ConfigureStore(options);
        return options.Serializer();
    }
}

using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>The analysts' <c>analytics.request_records</c> view shows processors' propagation and what legal holds kept.</summary>
[Collection(PropagationCollection.Name)]
public sealed class RequestRecordsViewTests(PropagationSiloFactory silo)
{
    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_delete_request_waiting_on_a_processor_When_analyst_queries_the_view_Then_it_shows_who_is_pending_until_the_acknowledgement()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var secret = PropagationDriver.NewSecret();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("View"), receiver.Url, secret);
        var subjectId = await driver.SubjectDisclosedToAsync(processor);
        await DeleteAsync(subjectId);
        var deliveryId = JsonDocument.Parse((await PropagationDriver.RequestsWhenAsync(receiver, 1))[0].Body).RootElement.GetProperty("deliveryId").GetString()!;

        var waiting = await RowWhenAsync(subjectId, r => r.GetProperty("processors_notified").GetArrayLength() == 1);
        Assert.Equal("awaiting-processors", waiting.GetProperty("status").GetString());
        Assert.True(waiting.GetProperty("awaiting_processors").GetBoolean());
        Assert.Equal(JsonValueKind.String, waiting.GetProperty("awaiting_processors_since").ValueKind);
        Assert.Equal([processor], Strings(waiting, "processors_pending"));
        Assert.Equal(1, waiting.GetProperty("processors_pending_count").GetInt32());
        Assert.Empty(Strings(waiting, "processors_acknowledged"));
        Assert.Empty(Strings(waiting, "retained_categories"));

        await driver.AcknowledgeAsync(processor, secret, subjectId, deliveryId).JsonAsync();

        var done = await RowWhenAsync(subjectId, r => r.GetProperty("status").GetString() == "completed");
        Assert.False(done.GetProperty("awaiting_processors").GetBoolean());
        Assert.Equal([processor], Strings(done, "processors_acknowledged"));
        Assert.Empty(Strings(done, "processors_pending"));
        Assert.Equal(0, done.GetProperty("processors_pending_count").GetInt32());
    }

    [Fact]
    public async Task Given_delete_request_completed_under_a_legal_hold_When_analyst_queries_the_view_Then_it_lists_the_retained_category()
    {
        var subjectId = await driver.Client.RegisterAsync();
        var subject = $"/api/subjects/{subjectId}";
        await driver.Client.PostJsonAsync($"{subject}/collections", new { category = "D", source = "direct", purposes = new[] { "provide-services" }, data = new { order = "o-1" } }).JsonAsync();
        await driver.Client.PostJsonAsync($"{subject}/legal-holds", new { holdId = "audit-1", categories = new[] { "D" }, reason = "Tax audit" }).JsonAsync();
        await DeleteAsync(subjectId);

        var row = await RowWhenAsync(subjectId, r => r.GetProperty("status").GetString() == "completed");

        Assert.Equal(["D"], Strings(row, "retained_categories"));
        Assert.False(row.GetProperty("awaiting_processors").GetBoolean());
        Assert.Equal("fulfilled", row.GetProperty("outcome").GetString());
        Assert.Empty(Strings(row, "processors_notified"));
        Assert.Equal(0, row.GetProperty("processors_pending_count").GetInt32());
    }

    private async Task DeleteAsync(string subjectId)
    {
        var requests = $"/api/subjects/{subjectId}/requests";
        await driver.Client.PostJsonAsync(requests, new { requestId = "del-1", type = "delete", channel = "email" }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/del-1/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/del-1/completion", new { outcome = "fulfilled" }).JsonAsync();
    }

    /// <summary>The subject's row of the view, read by SQL as an analyst would, once <paramref name="ready"/> holds.</summary>
    private Task<JsonElement> RowWhenAsync(string subjectId, Func<JsonElement, bool> ready) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(silo.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("select to_jsonb(r)::text from analytics.request_records r where subject_id = $1 and request_id = 'del-1'", connection);
                command.Parameters.AddWithValue(subjectId);
                return await command.ExecuteScalarAsync() is string json ? JsonDocument.Parse(json).RootElement.Clone() : default;
            },
            r => r.ValueKind == JsonValueKind.Object && ready(r),
            PropagationDriver.Patience,
            "the request's row in analytics.request_records");

    private static string[] Strings(JsonElement row, string column) =>
        row.GetProperty(column).EnumerateArray().Select(e => e.GetString()!).ToArray();
}

using System.Net;
using System.Text;
using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Silo.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// The admins' delivery queue across all subjects (GET /api/deliveries) and the analysts' view
/// analytics.processor_deliveries, both read from the async delivery-queue projection. Real receivers on 127.0.0.1
/// answer 503 until the silo dead-letters (3 attempts, see <see cref="PropagationSiloFactory"/>).
/// </summary>
[Collection(PropagationCollection.Name)]
public sealed class DeliveryQueueTests(PropagationSiloFactory silo)
{
    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_dead_lettered_deliveries_of_two_subjects_When_listing_the_queue_Then_both_are_listed_oldest_first_paged_and_in_the_sql_view_until_waived()
    {
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: int.MaxValue);
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Queue"), receiver.Url, PropagationDriver.NewSecret());
        var first = await OptedOutSubjectAsync(processor);
        var second = await OptedOutSubjectAsync(processor);
        var firstDelivery = await DeadLetteredDeliveryIdAsync(first);
        var secondDelivery = await DeadLetteredDeliveryIdAsync(second);
        var deadLettered = $"/api/deliveries?status=dead-lettered&processor={Uri.EscapeDataString(processor)}";

        var page = await QueueWhenAsync(deadLettered, entries => entries.Length == 2);

        Assert.Equal(("dead-lettered", processor, 2), (page.GetProperty("status").GetString(), page.GetProperty("processor").GetString(), page.GetProperty("count").GetInt32()));
        var entries = page.GetProperty("deliveries").EnumerateArray().ToArray();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), entries.Select(e => e.GetProperty("subjectId").GetString()!).Order(StringComparer.Ordinal));
        var planned = entries.Select(e => e.GetProperty("plannedAt").GetDateTimeOffset()).ToArray();
        Assert.True(planned[0] <= planned[1], "oldest planned first");
        var listed = entries.Single(e => e.GetProperty("subjectId").GetString() == first);
        Assert.Equal(
            (firstDelivery, processor, "opt-out", "dead-lettered", PropagationSiloFactory.MaxAttempts),
            (listed.GetProperty("deliveryId").GetString(), listed.GetProperty("processor").GetString(), listed.GetProperty("action").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("requestId").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("deadLetteredAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastAttemptAt").ValueKind);
        var waive = listed.GetProperty("links").GetProperty("waive").GetString()!;
        Assert.Equal($"/api/subjects/{first}/deliveries/{firstDelivery}/waive", waive);
        Assert.Equal($"/api/subjects/{first}/deliveries/{firstDelivery}/redeliver", listed.GetProperty("links").GetProperty("redeliver").GetString());

        // Paged one at a time: the 'next' token of a full page leads to the rest, and the last page has none.
        var one = await driver.Client.GetAsync($"{deadLettered}&limit=1").JsonAsync();
        Assert.Equal(entries[0].GetProperty("deliveryId").GetString(), Assert.Single(one.GetProperty("deliveries").EnumerateArray().ToArray()).GetProperty("deliveryId").GetString());
        var two = await driver.Client.GetAsync($"{deadLettered}&limit=1&after={one.GetProperty("next").GetString()}").JsonAsync();
        Assert.Equal(entries[1].GetProperty("deliveryId").GetString(), Assert.Single(two.GetProperty("deliveries").EnumerateArray().ToArray()).GetProperty("deliveryId").GetString());
        var end = await driver.Client.GetAsync($"{deadLettered}&limit=1&after={two.GetProperty("next").GetString()}").JsonAsync();
        Assert.Empty((await driver.Client.GetAsync($"{deadLettered}&plannedBefore=2000-01-01").JsonAsync()).GetProperty("deliveries").EnumerateArray());
        var before = $"{deadLettered}&plannedBefore={Uri.EscapeDataString(planned[1].AddDays(1).ToString("O"))}";
        Assert.Equal(2, (await driver.Client.GetAsync(before).JsonAsync()).GetProperty("count").GetInt32());
        Assert.Empty(end.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, end.GetProperty("next").ValueKind);

        var row = await ViewRowAsync(first, firstDelivery);
        Assert.Equal(("dead-lettered", processor, "opt-out", PropagationSiloFactory.MaxAttempts, true), (row.Status, row.Processor, row.Action, row.Attempts, row.DeadLetteredAt is not null));
        var counts = $"/api/deliveries/counts?processor={Uri.EscapeDataString(processor)}";
        Assert.Equal((2L, 2L, 0L), Counts(await driver.Client.GetAsync(counts).JsonAsync()));
        Assert.Equal((0L, 0L, 0L), Counts(await driver.Client.GetAsync($"{counts}&plannedBefore=2000-01-01").JsonAsync()));

        await driver.Client.PostJsonAsync(waive, new { reason = "Processor went out of business; confirmed with its liquidator." }).JsonAsync();

        var remaining = await QueueWhenAsync(deadLettered, e => e.Length == 1);
        Assert.Equal(second, Assert.Single(remaining.GetProperty("deliveries").EnumerateArray().ToArray()).GetProperty("subjectId").GetString());
        var waived = Assert.Single((await driver.Client.GetAsync($"/api/deliveries?status=waived&processor={Uri.EscapeDataString(processor)}").JsonAsync()).GetProperty("deliveries").EnumerateArray().ToArray());
        Assert.Equal((firstDelivery, "waived", true), (waived.GetProperty("deliveryId").GetString(), waived.GetProperty("status").GetString(), waived.GetProperty("waivedAt").ValueKind == JsonValueKind.String));
        var after = await ViewRowAsync(first, firstDelivery);
        Assert.Equal(("waived", true), (after.Status, after.WaivedAt is not null));
        Assert.Equal((2L, 1L, 1L), Counts(await driver.Client.GetAsync(counts).JsonAsync()));

        // The waiver's free-text reason and its author stay on the subject's own list, not in the queue's document.
        var stored = await StoredEntryAsync(first, firstDelivery);
        Assert.DoesNotContain("liquidator", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("test-suite", stored, StringComparison.Ordinal);
    }

    /// <summary>(total, dead-lettered, waived) of GET /api/deliveries/counts.</summary>
    private static (long, long, long) Counts(JsonElement counts) =>
        (counts.GetProperty("total").GetInt64(), counts.GetProperty("byStatus").GetProperty("dead-lettered").GetInt64(), counts.GetProperty("byStatus").GetProperty("waived").GetInt64());

    [Fact]
    public async Task Given_dead_lettered_delivery_When_resent_and_acknowledged_Then_queue_follows_the_grain_to_delivered_then_acknowledged()
    {
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: PropagationSiloFactory.MaxAttempts);
        var secret = PropagationDriver.NewSecret();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Requeue"), receiver.Url, secret);
        var subjectId = await OptedOutSubjectAsync(processor);
        var deliveryId = await DeadLetteredDeliveryIdAsync(subjectId);
        var queue = $"/api/deliveries?processor={Uri.EscapeDataString(processor)}";
        var listed = Assert.Single((await QueueWhenAsync($"{queue}&status=dead-lettered", e => e.Length == 1)).GetProperty("deliveries").EnumerateArray().ToArray());

        await driver.Client.PostJsonAsync(listed.GetProperty("links").GetProperty("redeliver").GetString()!, new { }).JsonAsync(HttpStatusCode.Accepted);
        await driver.HistoryWhenAsync(subjectId, "webhook_delivered", 1);

        var delivered = Assert.Single((await QueueWhenAsync($"{queue}&status=delivered", e => e.Length == 1)).GetProperty("deliveries").EnumerateArray().ToArray());
        Assert.Equal((deliveryId, PropagationSiloFactory.MaxAttempts + 1, 1), (delivered.GetProperty("deliveryId").GetString(), delivered.GetProperty("attempts").GetInt32(), delivered.GetProperty("redeliveries").GetInt32()));
        Assert.Equal(JsonValueKind.String, delivered.GetProperty("deliveredAt").ValueKind);
        Assert.Empty((await driver.Client.GetAsync($"{queue}&status=dead-lettered").JsonAsync()).GetProperty("deliveries").EnumerateArray());
        var own = Assert.Single((await driver.Client.GetAsync($"/api/subjects/{subjectId}/deliveries").JsonAsync()).EnumerateArray().ToArray());
        Assert.Equal((own.GetProperty("status").GetString(), own.GetProperty("attempts").GetInt32()), (delivered.GetProperty("status").GetString(), delivered.GetProperty("attempts").GetInt32()));

        await driver.AcknowledgeAsync(processor, secret, subjectId, deliveryId).JsonAsync();

        var acknowledged = Assert.Single((await QueueWhenAsync($"{queue}&status=acknowledged", e => e.Length == 1)).GetProperty("deliveries").EnumerateArray().ToArray());
        Assert.Equal(JsonValueKind.String, acknowledged.GetProperty("acknowledgedAt").ValueKind);
        Assert.Empty((await driver.Client.GetAsync($"{queue}&status=delivered").JsonAsync()).GetProperty("deliveries").EnumerateArray());
        var row = await ViewRowAsync(subjectId, deliveryId);
        Assert.Equal(("acknowledged", PropagationSiloFactory.MaxAttempts + 1), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task Given_bad_query_values_or_a_non_admin_When_listing_the_queue_Then_problem_naming_the_parameter_or_403()
    {
        Assert.Equal("status", await driver.Client.GetAsync("/api/deliveries?status=lost").FieldProblemAsync());
        Assert.Equal("limit", await driver.Client.GetAsync("/api/deliveries?limit=0").FieldProblemAsync());
        Assert.Equal("limit", await driver.Client.GetAsync("/api/deliveries?limit=5001").FieldProblemAsync());
        Assert.Equal("plannedBefore", await driver.Client.GetAsync("/api/deliveries/counts?plannedBefore=soon").FieldProblemAsync());
        Assert.Equal("after", await driver.Client.GetAsync("/api/deliveries?after=not%20a%20token!").FieldProblemAsync());
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("yesterday|x")).TrimEnd('=');
        Assert.Equal("after", await driver.Client.GetAsync($"/api/deliveries?after={Uri.EscapeDataString(forged)}").FieldProblemAsync());
        Assert.Equal("processor", await driver.Client.GetAsync("/api/deliveries?processor=a%01b").FieldProblemAsync());
        Assert.Equal("plannedBefore", await driver.Client.GetAsync("/api/deliveries?plannedBefore=yesterday").FieldProblemAsync());
        Assert.Equal("processor", await driver.Client.GetAsync($"/api/deliveries?processor={new string('p', 201)}").FieldProblemAsync());
        await driver.Client.GetAsync("/api/deliveries?status=dead-lettered&limit=5").JsonAsync();

        foreach (var role in new[] { Roles.PrivacyOfficer, Roles.Service, Roles.Analyst })
        {
            using var client = silo.CreateClientAs($"{role}-user", role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/deliveries?status=dead-lettered")).StatusCode);
        }
    }

    [Fact]
    public async Task Queue_filter_and_order_columns_are_real_indexed_columns()
    {
        await driver.Client.GetAsync("/api/deliveries").JsonAsync();
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select indexdef from pg_indexes where schemaname = 'privacy' and tablename = 'mt_doc_deliveryqueueentry'", connection);
        var indexes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var column in new[] { "status", "processor", "planned_at" })
        {
            Assert.Contains(indexes, i => i.Contains($"({column})", StringComparison.Ordinal));
        }
    }

    private async Task<string> OptedOutSubjectAsync(string processor)
    {
        var subjectId = await driver.SubjectDisclosedToAsync(processor);
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "unsubscribe-link" }).JsonAsync();
        return subjectId;
    }

    private async Task<string> DeadLetteredDeliveryIdAsync(string subjectId) =>
        Assert.Single(await driver.HistoryWhenAsync(subjectId, "webhook_dead_lettered", 1)).GetProperty("event").GetProperty("deliveryId").GetString()!;

    private Task<JsonElement> QueueWhenAsync(string url, Func<JsonElement[], bool> done) =>
        Eventually.ReturnsAsync(
            () => driver.Client.GetAsync(url).JsonAsync(),
            page => done(page.GetProperty("deliveries").EnumerateArray().ToArray()),
            PropagationDriver.Patience,
            $"the delivery queue at {url}");

    private sealed record ViewRow(string Status, string Processor, string Action, int Attempts, DateTimeOffset? DeadLetteredAt, DateTimeOffset? WaivedAt);

    private async Task<ViewRow> ViewRowAsync(string subjectId, string deliveryId)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select status, processor, action, attempts, dead_lettered_at, waived_at from analytics.processor_deliveries where subject_id = $1 and delivery_id = $2",
            connection);
        command.Parameters.AddWithValue(subjectId);
        command.Parameters.AddWithValue(deliveryId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no row in analytics.processor_deliveries");
        var row = new ViewRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
        Assert.False(await reader.ReadAsync(), "more than one row for a delivery");
        return row;
    }

    private async Task<string> StoredEntryAsync(string subjectId, string deliveryId)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data::text from privacy.mt_doc_deliveryqueueentry where id = $1", connection);
        command.Parameters.AddWithValue($"{subjectId}/{deliveryId}");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

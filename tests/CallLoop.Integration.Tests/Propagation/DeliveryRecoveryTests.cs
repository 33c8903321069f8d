using System.Net;
using System.Text.Json;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Silo.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// An admin's way out of a dead-lettered delivery: send it again once the processor recovered, or waive it. Real
/// receivers on 127.0.0.1 answer 503; the silo retries 3 times (see <see cref="PropagationSiloFactory"/>) and
/// delete requests wait for processors.
/// </summary>
[Collection(PropagationCollection.Name)]
public sealed class DeliveryRecoveryTests(PropagationSiloFactory silo)
{
    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_dead_lettered_delivery_When_resent_after_processor_recovers_Then_delivered_and_request_completes_on_acknowledgement()
    {
        // Fails exactly the silo's attempts, then answers 200: the processor "recovers" after the dead-letter.
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: PropagationSiloFactory.MaxAttempts);
        var secret = PropagationDriver.NewSecret();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Resend"), receiver.Url, secret);
        var (subjectId, requests) = await AwaitingDeleteRequestAsync("del-r", processor);
        await driver.HistoryWhenAsync(subjectId, "webhook_dead_lettered", 1);
        var deliveryId = await DeliveryIdAsync(receiver);
        Assert.Equal(PropagationSiloFactory.MaxAttempts, receiver.Requests.Count);

        var accepted = await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/deliveries/{deliveryId}/redeliver", new { reason = "Endpoint fixed by the processor." })
            .JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(deliveryId, accepted.GetProperty("deliveryId").GetString());
        var delivered = Assert.Single(await driver.HistoryWhenAsync(subjectId, "webhook_delivered", 1));
        Assert.Equal(PropagationSiloFactory.MaxAttempts + 1, delivered.GetProperty("event").GetProperty("attempt").GetInt32());
        var requested = Assert.Single(await driver.HistoryAsync(subjectId, "webhook_redelivery_requested"));
        Assert.Equal(PropagationSiloFactory.MaxAttempts, requested.GetProperty("event").GetProperty("previousAttempts").GetInt32());
        Assert.Equal(PropagationSiloFactory.MaxAttempts + 1, receiver.Requests.Count);
        Assert.Equal(200, receiver.Requests.Last().AnsweredWith);
        Assert.Equal("awaiting-processors", (await driver.Client.GetAsync($"{requests}/del-r").JsonAsync()).GetProperty("status").GetString());

        // Delivered now: sending it again is the wrong state, and appends nothing.
        Assert.Equal("delivery-not-failed", await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/deliveries/{deliveryId}/redeliver", new { }).RuleProblemAsync());
        Assert.Single(await driver.HistoryAsync(subjectId, "webhook_redelivery_requested"));

        await driver.AcknowledgeAsync(processor, secret, subjectId, deliveryId).JsonAsync();
        var done = await driver.Client.GetAsync($"{requests}/del-r").JsonAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal([processor], done.GetProperty("processorsAcknowledged").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(done.GetProperty("processorsWaived").EnumerateArray());
    }

    [Fact]
    public async Task Given_dead_lettered_delivery_When_waived_Then_awaiting_delete_request_completes_and_records_show_the_waiver()
    {
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: int.MaxValue);
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Defunct"), receiver.Url, PropagationDriver.NewSecret());
        var (subjectId, requests) = await AwaitingDeleteRequestAsync("del-w", processor);
        await driver.HistoryWhenAsync(subjectId, "webhook_dead_lettered", 1);
        var deliveryId = await DeliveryIdAsync(receiver);
        const string reason = "Processor went out of business; confirmed with its liquidator.";
        var deadLettered = await driver.Client.GetAsync($"/api/subjects/{subjectId}/deliveries?status=dead-lettered").JsonAsync();
        var listed = Assert.Single(deadLettered.EnumerateArray().ToArray());
        Assert.Equal((deliveryId, processor, "del-w", PropagationSiloFactory.MaxAttempts), (listed.GetProperty("deliveryId").GetString(), listed.GetProperty("processor").GetString(), listed.GetProperty("requestId").GetString(), listed.GetProperty("attempts").GetInt32()));

        var waived = await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/deliveries/{deliveryId}/waive", new { reason }).JsonAsync();

        Assert.Equal("waived", waived.GetProperty("action").GetString());
        var done = await driver.Client.GetAsync($"{requests}/del-w").JsonAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("fulfilled", done.GetProperty("outcome").GetString());
        Assert.Empty(done.GetProperty("processorsAcknowledged").EnumerateArray());
        Assert.Empty(done.GetProperty("processorsNotYetAcknowledged").EnumerateArray());
        var waiver = Assert.Single(done.GetProperty("processorsWaived").EnumerateArray().ToArray());
        // The reason is free text: withheld from the request view, read in the audited history below.
        Assert.Equal((processor, deliveryId, string.Empty, "test-suite"), (waiver.GetProperty("processor").GetString(), waiver.GetProperty("deliveryId").GetString(), waiver.GetProperty("reason").GetString(), waiver.GetProperty("waivedBy").GetString()));

        // The waiver and the completion were one commit; the analysts' record names the processor, not the free-text reason.
        var waivedEvent = Assert.Single(await driver.HistoryAsync(subjectId, "processor_delivery_waived"));
        Assert.Single(await driver.HistoryAsync(subjectId, "rights_request_completed"));
        var history = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IDataSubjectGrain>(subjectId).GetHistoryAsync();
        Assert.Equal(history.Single(h => h.Type == "processor_delivery_waived").Version + 1, history.Single(h => h.Type == "rights_request_completed").Version);
        Assert.Equal(string.Empty, waivedEvent.GetProperty("event").GetProperty("reason").GetString());
        var audited = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IDataSubjectGrain>(subjectId)
            .ReadHistoryAsync(new PersonalDataAccess { AccessedBy = "propagation-tests", Purpose = AccessPurpose.LegalCompliance });
        Assert.Equal(reason, Assert.IsType<ProcessorDeliveryWaived>(audited.Single(h => h.Type == "processor_delivery_waived").Event).Reason);
        var record = await RecordAsync(subjectId, r => r.GetProperty("status").GetString() == "completed");
        Assert.Equal([processor], record.GetProperty("processorsWaived").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(record.GetProperty("processorsNotYetAcknowledged").EnumerateArray());
        Assert.DoesNotContain("liquidator", record.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(processor, await WaivedInViewAsync(subjectId));

        Assert.Empty((await driver.Client.GetAsync($"/api/subjects/{subjectId}/deliveries?status=dead-lettered").JsonAsync()).EnumerateArray());
        var all = Assert.Single((await driver.Client.GetAsync($"/api/subjects/{subjectId}/deliveries").JsonAsync()).EnumerateArray().ToArray());
        Assert.Equal(("waived", "test-suite"), (all.GetProperty("status").GetString(), all.GetProperty("waivedBy").GetString()));

        // Settled: no further attempt, and a second waiver or a re-send is the wrong state.
        Assert.Equal("delivery-settled", await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/deliveries/{deliveryId}/waive", new { reason }).RuleProblemAsync());
        Assert.Equal("delivery-not-failed", await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/deliveries/{deliveryId}/redeliver", new { }).RuleProblemAsync());
        Assert.Equal(PropagationSiloFactory.MaxAttempts, receiver.Requests.Count);
    }

    [Fact]
    public async Task Given_bad_input_unknown_delivery_or_wrong_role_When_resending_or_waiving_Then_problem_details_and_nothing_appended()
    {
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: int.MaxValue);
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Refused"), receiver.Url, PropagationDriver.NewSecret());
        var subjectId = await driver.SubjectDisclosedToAsync(processor);
        await driver.Client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "unsubscribe-link" }).JsonAsync();
        await driver.HistoryWhenAsync(subjectId, "webhook_dead_lettered", 1);
        var deliveryId = await DeliveryIdAsync(receiver);
        var grain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IDataSubjectGrain>(subjectId);
        var version = (await grain.GetProfileAsync()).Version;
        var deliveries = $"/api/subjects/{subjectId}/deliveries";
        var personal = $"Spoke to Robin Example at {subjectId}@example.com. " + new string('x', 1024);

        Assert.Equal("reason", await driver.Client.PostJsonAsync($"{deliveries}/{deliveryId}/waive", new { }).FieldProblemAsync());
        Assert.Equal("reason", await driver.Client.PostJsonAsync($"{deliveries}/{deliveryId}/waive", new { reason = "  " }).FieldProblemAsync());
        Assert.Equal("reason", await driver.Client.PostJsonAsync($"{deliveries}/{deliveryId}/waive", new { reason = personal }).FieldProblemAsync("Robin Example", "@example.com"));
        Assert.Equal("reason", await driver.Client.PostJsonAsync($"{deliveries}/{deliveryId}/redeliver", new { reason = personal }).FieldProblemAsync("Robin Example", "@example.com"));
        Assert.Equal("deliveryId", await driver.Client.PostJsonAsync($"{deliveries}/{Uri.EscapeDataString("dl 1!")}/redeliver", new { }).FieldProblemAsync());
        Assert.Equal("body", await driver.Client.PostRawAsync($"{deliveries}/{deliveryId}/waive", "{ not json").FieldProblemAsync());
        Assert.Equal("status", await driver.Client.GetAsync($"{deliveries}?status=lost").FieldProblemAsync());
        await driver.Client.GetAsync($"/api/subjects/no-such-subject-{Guid.NewGuid():N}/deliveries").ProblemAsync(HttpStatusCode.NotFound);
        await driver.Client.PostJsonAsync($"{deliveries}/dl-unknown/redeliver", new { }).ProblemAsync(HttpStatusCode.NotFound);
        await driver.Client.PostJsonAsync($"{deliveries}/dl-unknown/waive", new { reason = "closed" }).ProblemAsync(HttpStatusCode.NotFound);
        await driver.Client.PostJsonAsync($"/api/subjects/no-such-subject-{Guid.NewGuid():N}/deliveries/{deliveryId}/waive", new { reason = "closed" }).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var role in new[] { Roles.PrivacyOfficer, Roles.Service, Roles.Analyst })
        {
            using var client = silo.CreateClientAs($"{role}-user", role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{deliveries}/{deliveryId}/waive", new StringContent("{\"reason\":\"closed\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{deliveries}/{deliveryId}/redeliver", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(deliveries)).StatusCode);
        }

        Assert.Equal(version, (await grain.GetProfileAsync()).Version);
        Assert.Empty(await driver.HistoryAsync(subjectId, "processor_delivery_waived"));
        Assert.Empty(await driver.HistoryAsync(subjectId, "webhook_redelivery_requested"));
    }

    private async Task<(string SubjectId, string Requests)> AwaitingDeleteRequestAsync(string requestId, string processor)
    {
        var subjectId = await driver.SubjectDisclosedToAsync(processor);
        var requests = $"/api/subjects/{subjectId}/requests";
        await driver.Client.PostJsonAsync(requests, new { requestId, type = "delete", channel = "email" }).JsonAsync();
        await driver.Client.PostJsonAsync($"{requests}/{requestId}/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
        var fulfilled = await driver.Client.PostJsonAsync($"{requests}/{requestId}/completion", new { outcome = "fulfilled" }).JsonAsync();
        Assert.Equal("awaiting-processors", fulfilled.GetProperty("status").GetString());
        return (subjectId, requests);
    }

    private static async Task<string> DeliveryIdAsync(WebhookReceiver receiver) =>
        JsonDocument.Parse((await PropagationDriver.RequestsWhenAsync(receiver, 1))[0].Body).RootElement.GetProperty("deliveryId").GetString()!;

    private Task<JsonElement> RecordAsync(string subjectId, Func<JsonElement, bool> done) =>
        Eventually.ReturnsAsync(
            async () => (await driver.Client.GetAsync("/api/requests?type=delete&limit=5000").JsonAsync())
                .GetProperty("requests").EnumerateArray().FirstOrDefault(r => r.GetProperty("subjectId").GetString() == subjectId),
            r => r.ValueKind == JsonValueKind.Object && done(r),
            PropagationDriver.Patience,
            "the request record");

    /// <summary>The analysts' SQL view: the processors waived on the subject's delete request.</summary>
    private async Task<string?> WaivedInViewAsync(string subjectId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select array_to_string(processors_waived, ',') from analytics.request_records where subject_id = $1", connection);
        command.Parameters.AddWithValue(subjectId);
        return (string?)await command.ExecuteScalarAsync();
    }
}

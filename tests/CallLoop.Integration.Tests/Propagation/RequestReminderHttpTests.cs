using System.Globalization;
using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// The reminder fields over HTTP: a request received long ago passes its confirmation and response dates as soon as
/// its reminders are armed, and both the subject's view and the request queue show when they were found overdue.
/// This silo runs publication, which arms the reminders from committed events.
/// </summary>
[Collection(PropagationCollection.Name)]
public sealed class RequestReminderHttpTests(PropagationSiloFactory silo)
{
    private readonly HttpClient client = silo.CreateClient();

    private static DateTimeOffset? Time(JsonElement view, string property) =>
        view.GetProperty(property).ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(view.GetProperty(property).GetString()!, CultureInfo.InvariantCulture)
            : null;

    [Fact]
    public async Task Given_unconfirmed_request_past_both_dates_When_its_reminders_fire_Then_view_and_queue_show_confirmation_and_response_overdue()
    {
        var subjectId = await client.RegisterAsync("CA");
        await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "late-1", type = "know-categories", receivedAt = "2025-03-03T12:00:00Z", channel = "web-form" }).JsonAsync();

        var request = await Eventually.ReturnsAsync(
            async () => (await client.GetAsync($"/api/subjects/{subjectId}").JsonAsync()).GetProperty("requests")[0],
            r => Time(r, "confirmationOverdueAt") is not null && Time(r, "overdueAt") is not null,
            Patience.Long,
            "the request's confirmation and response reminders");

        Assert.True(Time(request, "confirmationOverdueAt") >= Time(request, "confirmationDueAt"));
        Assert.True(Time(request, "overdueAt") >= Time(request, "dueAt"));
        Assert.Null(Time(request, "appealOverdueAt"));

        var record = await Eventually.ReturnsAsync(
            async () => (await client.GetAsync("/api/requests?status=overdue&jurisdiction=CA").JsonAsync()).GetProperty("requests")
                .EnumerateArray().FirstOrDefault(r => r.GetProperty("subjectId").GetString() == subjectId),
            r => r.ValueKind == JsonValueKind.Object && Time(r, "confirmationOverdueAt") is not null && Time(r, "overdueAt") is not null,
            Patience.Long,
            "the request record's reminder fields");

        Assert.Equal((Time(request, "confirmationOverdueAt"), Time(request, "overdueAt")), (Time(record, "confirmationOverdueAt"), Time(record, "overdueAt")));
    }
}

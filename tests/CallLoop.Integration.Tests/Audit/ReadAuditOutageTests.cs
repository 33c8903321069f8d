using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Faults;
using CallLoop.Integration.Tests.Http;

namespace CallLoop.Integration.Tests.Audit;

[Collection(OutageCollection.Name)]
public sealed class ReadAuditOutageTests(OutageSiloFactory factory)
{
    private const string Email = "outage.reader@example.com";

    [Fact]
    public async Task Given_store_down_When_values_read_Then_503_without_values_and_no_record_after_recovery()
    {
        var client = factory.CreateClient();
        var subjectId = Api.NewSubjectId();
        (await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA", email = Email })).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/subjects/{subjectId}")).EnsureSuccessStatusCode(); // the grain is active, its state in memory

        factory.Database.RunScript("stop");
        try
        {
            await client.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=customer-support").ProblemAsync(HttpStatusCode.ServiceUnavailable, Email);
        }
        finally
        {
            factory.Database.RunScript("start");
        }

        var trail = await RetryAsync(() => client.GetAsync($"/api/subjects/{subjectId}/audit"));
        Assert.Empty(trail.EnumerateArray());
        Assert.Equal(0, await StreamEvents.AccessRecordsAsync(factory.ConnectionString, subjectId));
    }

    /// <summary>The answer once the store answers again (no longer 503), as JSON; the wait fails after <see cref="Infrastructure.Patience.Long"/>.</summary>
    private static Task<System.Text.Json.JsonElement> RetryAsync(Func<Task<HttpResponseMessage>> send) =>
        Publication.Eventually.ReturnsAsync(send, r => r.StatusCode != HttpStatusCode.ServiceUnavailable, Infrastructure.Patience.Long, "the store to answer again")
            .JsonAsync();
}

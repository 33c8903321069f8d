using System.Net;
using System.Net.Http.Json;
using System.Text;
using CallLoop.Integration.Tests.Infrastructure;
using CsCheck;

namespace CallLoop.Integration.Tests.Fuzz;

/// <summary>Counts every event in the shared silo's database between requests: sound because a collection runs one test at a time.</summary>
[Collection(SiloCollection.Name)]
public sealed class HttpFuzzTests(SiloApplicationFactory factory)
{
    private static readonly Gen<FuzzedCall> Calls = Gen.Select(
        Gen.OneOf(FuzzedRoute.All), HostileInput.Id, HostileInput.Id, HostileInput.Id, HostileInput.Body,
        (route, id, request, purpose, body) => new FuzzedCall(route, id, request, purpose, body));

    [Fact]
    public async Task Any_hostile_request_gets_2xx_or_a_4xx_problem_that_appends_nothing_and_echoes_no_personal_value()
    {
        var client = factory.CreateClient();
        (await client.PutAsJsonAsync("/api/subjects/fuzz-known", new { jurisdiction = "CA", email = "known@example.com" })).EnsureSuccessStatusCode();

        await Calls.SampleAsync(call => AssertHandledAsync(client, call), iter: 300, threads: 1, print: call => call.ToString());
    }

    private async Task AssertHandledAsync(HttpClient client, FuzzedCall call)
    {
        var before = await CountEventsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(call.Route.Method), call.Uri);
        if (call.Route.Method != "GET")
        {
            request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (InvalidOperationException) when (call.Uri.Contains("%00", StringComparison.Ordinal))
        {
            // The in-memory test server refuses a NUL in the path before the app sees it, as Kestrel does with a 400.
            return;
        }

        using var _ = response;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var where = $"answered {status}: {FuzzedCall.Shorten(body)}";

        Assert.True(status < 500, where);
        if (status < 400)
        {
            return;
        }

        Assert.True(before == await CountEventsAsync(), $"events appended on an error; {where}");
        if (body.Length > 0 || response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"no problem details; {where}");
        }

        foreach (var value in HostileInput.PlantedPersonalValues)
        {
            Assert.False(body.Contains(value, StringComparison.OrdinalIgnoreCase), $"personal value echoed; {where}");
        }
    }

    private Task<long> CountEventsAsync() => Infrastructure.StoredEvents.CountAsync(factory.ConnectionString);
}

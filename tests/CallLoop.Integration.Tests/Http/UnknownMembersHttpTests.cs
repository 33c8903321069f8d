using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Propagation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Http;

/// <summary>A misspelt member must not be dropped in silence: its field would take a default (a deadline moved).</summary>
[Collection(SiloCollection.Name)]
public sealed partial class UnknownMembersHttpTests(SiloApplicationFactory factory)
{
    /// <summary>Routes that take no body at all; every other POST or PUT declares the JSON body it reads.</summary>
    private static readonly string[] BodilessRoutes =
    [
        "POST /api/subjects/{subjectId}/requests/{requestId}/receipt-confirmation",
        "POST /api/keys/rewrap",
        "POST /api/projections/{name}/rebuild",
        "POST /api/incidents/{incidentId}/assessment",
        "POST /api/incidents/{incidentId}/assessment/restart",
    ];

    /// <summary>Reads and checks its raw body itself (the signature covers the bytes); tested on its own below.</summary>
    private const string AcknowledgementRoute = "POST /api/processors/{processorId}/acknowledgements";

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Every_post_and_put_route_refuses_an_unknown_member_with_400_naming_it_and_writes_nothing()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT").Select(m => (Method: m, Template: e.RoutePattern.RawText!, Endpoint: e)))
            .ToList();
        Assert.True(routes.Count > 25, $"only {routes.Count} command routes found");

        var unexpectedlyBodiless = routes
            .Where(r => r.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null)
            .Select(r => $"{r.Method} {r.Template}")
            .Except([.. BodilessRoutes, AcknowledgementRoute])
            .ToList();
        Assert.True(unexpectedlyBodiless.Count == 0, "routes that read no declared body: " + string.Join(", ", unexpectedlyBodiless));

        var refused = 0;
        foreach (var (method, template, endpoint) in routes.Where(r => r.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null))
        {
            var before = await StoredEvents.CountAsync(factory.ConnectionString);
            using var request = new HttpRequestMessage(new HttpMethod(method), Placeholder().Replace(template, "unknown-member-probe"))
            {
                Content = new StringContent("{\"notAMemberOfAnyBody\":\"robin@example.com\"}", Encoding.UTF8, "application/json"),
            };

            var problem = await client.SendAsync(request).ProblemAsync(HttpStatusCode.BadRequest, "robin@example.com");

            Assert.True(problem.GetProperty("field").GetString() == "notAMemberOfAnyBody", $"{method} {template}: {problem}");
            Assert.Equal(before, await StoredEvents.CountAsync(factory.ConnectionString));
            refused++;
        }

        Assert.True(refused > 25, $"only {refused} bodies checked");
    }

    [Fact]
    public async Task Given_a_misspelt_receivedAt_When_a_request_is_received_Then_400_names_it_and_no_request_starts()
    {
        var subjectId = await client.RegisterAsync();

        var field = await client.PostRawAsync($"/api/subjects/{subjectId}/requests", "{\"requestId\":\"req-1\",\"type\":\"know-categories\",\"recievedAt\":\"2025-03-03T12:00:00Z\",\"channel\":\"web-form\"}")
            .FieldProblemAsync();

        Assert.Equal("recievedAt", field);
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_an_unknown_member_inside_a_nested_object_When_posted_Then_400_names_its_path()
    {
        var subjectId = await client.RegisterAsync();

        var field = await client.PostRawAsync($"/api/subjects/{subjectId}/requests", "{\"requestId\":\"req-2\",\"type\":\"delete\",\"channel\":\"email\",\"agent\":{\"name\":\"Agent Co\",\"proofOfAuthorisation\":\"letter.pdf\"}}")
            .FieldProblemAsync();

        Assert.Equal("agent.proofOfAuthorisation", field);
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_a_signed_acknowledgement_with_an_unknown_member_Then_400_names_it()
    {
        var driver = new PropagationDriver(client, factory.Services.GetRequiredService<IGrainFactory>());
        var secret = PropagationDriver.NewSecret();
        var processor = await driver.RegisterProcessorAsync(PropagationDriver.NewProcessorName("Strict"), "https://processor.example/hook", secret, "A");

        var field = await driver.AcknowledgeAsync(processor, secret, new { deliveryId = "dl-1", subjectId = "sub-1", acknowledgedBy = "robin" }).FieldProblemAsync("robin");

        Assert.Equal("acknowledgedBy", field);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

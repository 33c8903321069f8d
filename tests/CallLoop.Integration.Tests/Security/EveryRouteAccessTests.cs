using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CallLoop.Integration.Tests.Fuzz;
using CallLoop.Silo.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Security;

/// <summary>Walks every /api endpoint the silo maps, with every role the access table refuses it to.</summary>
public sealed partial class EveryRouteAccessTests(FuzzSiloFactory factory) : IClassFixture<FuzzSiloFactory>
{
    [Fact]
    public async Task Every_route_refuses_every_role_the_table_does_not_name_with_403_and_writes_nothing()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Template: e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} routes found");

        var checkedPairs = 0;
        foreach (var (method, template) in routes)
        {
            var allowed = AccessRules.RolesFor(method, template);
            foreach (var role in Roles.All.Except(allowed))
            {
                using var client = factory.CreateClientAs($"{role}-walker", role);
                var before = await CountEventsAsync();
                using var request = new HttpRequestMessage(new HttpMethod(method), Placeholder().Replace(template, "acl-probe"));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} on {method} {template} answered {(int)response.StatusCode}");
                Assert.Equal(before, await CountEventsAsync());
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > routes.Count, $"only {checkedPairs} refusals checked");
    }

    private Task<long> CountEventsAsync() => Infrastructure.StoredEvents.CountAsync(factory.ConnectionString);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

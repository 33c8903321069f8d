using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Security;

/// <summary>Walks every /api endpoint the silo maps, with every role its declared policy refuses.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class EveryRouteAccessTests(SiloApplicationFactory factory)
{
    [Fact]
    public void Every_api_endpoint_names_exactly_one_known_role_policy_and_none_is_anonymous()
    {
        var endpoints = ApiEndpoints().ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");

        Assert.All(endpoints, endpoint =>
        {
            var where = $"{string.Join(",", Methods(endpoint))} {endpoint.RoutePattern.RawText}";
            Assert.True(endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null, $"{where} allows anonymous callers");
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var policy = Assert.Single(policies);
            Assert.True(policy is not null && AccessPolicies.RolesByPolicy.ContainsKey(policy), $"{where} names no role policy ({policy ?? "roles only"})");
        });
    }

    [Fact]
    public async Task Every_route_refuses_every_role_its_policy_does_not_name_with_403_and_writes_nothing()
    {
        var routes = ApiEndpoints()
            .SelectMany(e => Methods(e).Select(m => (Method: m, Template: e.RoutePattern.RawText!, Allowed: AllowedRoles(e))))
            .Distinct()
            .ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} routes found");

        var checkedPairs = 0;
        foreach (var (method, template, allowed) in routes)
        {
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

    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true);

    private static IReadOnlyList<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static IReadOnlyList<string> AllowedRoles(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy is { } policy && AccessPolicies.RolesByPolicy.TryGetValue(policy, out var roles) ? roles : [])
            .FirstOrDefault() ?? [];

    private Task<long> CountEventsAsync() => Infrastructure.StoredEvents.CountAsync(factory.ConnectionString);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

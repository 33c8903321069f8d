using System.Net;

namespace CallLoop.Integration.Tests.Security;

/// <summary>
/// On a host started with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true and no trusted proxy (<see cref="RateLimitedSiloFactory"/>),
/// a caller must not pick its own address with X-Forwarded-For and so escape its rate limit.
/// </summary>
[Collection(RateLimitCollection.Name)]
public sealed class ForwardedHeadersHttpTests(RateLimitedSiloFactory factory)
{
    [Fact]
    public async Task Given_no_trusted_proxy_When_an_anonymous_caller_sends_a_new_forwarded_address_each_time_Then_it_still_shares_one_budget_and_gets_429()
    {
        using var anonymous = factory.CreateClientAs("nobody");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedSiloFactory.PermitsPerSecond * 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/subjects/fwd-1");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await anonymous.SendAsync(request)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}

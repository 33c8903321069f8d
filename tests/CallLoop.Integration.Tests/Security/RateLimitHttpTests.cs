using System.Net;
using CallLoop.Silo.Security;

namespace CallLoop.Integration.Tests.Security;

[Collection(RateLimitCollection.Name)]
public sealed class RateLimitHttpTests(RateLimitedSiloFactory factory)
{
    [Fact]
    public async Task Given_a_caller_over_its_budget_When_calling_again_Then_429_with_retry_after_while_other_callers_pass()
    {
        using var greedy = factory.CreateClientAs("greedy", Roles.Analyst);
        using var other = factory.CreateClientAs("patient", Roles.PrivacyOfficer);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < RateLimitedSiloFactory.PermitsPerSecond * 4; i++)
        {
            statuses.Add(await greedy.GetAsync($"/api/subjects/rl-{i}"));
        }

        var rejected = statuses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.RetryAfter?.Delta is { } wait && wait >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);

        var answered = await other.GetAsync("/api/subjects/rl-other");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, answered.StatusCode);
    }
}

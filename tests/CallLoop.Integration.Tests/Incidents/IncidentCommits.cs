using CallLoop.Domain;
using CallLoop.EventStore.Incidents;
using CallLoop.Grains.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>Commits incident events as the incident's grain does (events and obligation rows in one transaction), without the grain.</summary>
internal static class IncidentCommits
{
    /// <summary>Appends <paramref name="events"/> (stamped now) after what the stream holds; the grain, if active, no longer knows its state.</summary>
    public static async Task CommitAsync(IServiceProvider services, string incidentId, params IncidentEvent[] events)
    {
        var streams = services.GetRequiredService<IIncidentStreams>();
        var before = await streams.LoadAsync(incidentId, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var stamped = events.Select(e => e with { IncidentId = incidentId, OccurredAt = now }).ToArray();
        var committed = stamped.Aggregate(before, IncidentEvolver.Evolve);
        var policy = services.GetRequiredService<IOptions<IncidentOptions>>().Value.Policy;
        await streams.AppendAsync(
            new IncidentAppend(incidentId, before.Version, stamped, "test")
            {
                Obligations = new IncidentObligations(committed.Facts!.DiscoveredAt, BreachObligations.For(committed, policy, now), policy.DueSoonLead),
                Summary = IncidentSummary.Of(committed),
            },
            CancellationToken.None);
    }
}

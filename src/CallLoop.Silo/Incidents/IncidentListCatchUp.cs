using CallLoop.Domain;
using CallLoop.EventStore.CatchUps;
using CallLoop.EventStore.Incidents;

namespace CallLoop.Silo.Incidents;

/// <summary>
/// Once per database, at start: every incident reported before the list of incidents existed gets its line, folded
/// from its stream as its events would have written it, so GET /api/incidents shows it without anyone calling the
/// incident. A line already there is left alone (it came with a newer event). Later starts only look up that it ran.
/// </summary>
public sealed class IncidentListCatchUp(OneTimeCatchUps catchUps, IIncidentStreams streams, IncidentAssessments assessments, ILogger<IncidentListCatchUp> logger)
    : IHostedService
{
    public const string Name = "incident-list";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var listed = 0;
        var ran = await catchUps.RunOnceAsync(
            Name,
            async token =>
            {
                foreach (var incidentId in await assessments.UnlistedAsync(token))
                {
                    var state = await streams.LoadAsync(incidentId, token);
                    if (state.IsReported)
                    {
                        await assessments.AddSummaryIfAbsentAsync(IncidentSummary.Of(state), token);
                        listed++;
                    }
                }
            },
            cancellationToken);
        if (ran)
        {
            logger.LogInformation("List of incidents caught up: {Listed} incidents older than the list given their line", listed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

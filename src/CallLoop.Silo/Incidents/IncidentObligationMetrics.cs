using CallLoop.EventStore.Telemetry;
using CallLoop.Silo.Analytics;
using Npgsql;

namespace CallLoop.Silo.Incidents;

/// <summary>
/// Refreshes the <c>callloop.incidents.obligations</c> gauge from <c>analytics.incident_obligations</c> (by
/// jurisdiction, obligation and state; states move with the clock, not only with events). A count of the database:
/// every silo reports the same numbers, so dashboards take the maximum across silos, not the sum.
/// </summary>
internal sealed class IncidentObligationMetrics(NpgsqlDataSource db, IConfiguration configuration, ILogger<IncidentObligationMetrics> logger) : BackgroundService
{
    public const string PeriodKey = "CallLoop:Incidents:MetricsPeriod";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = configuration.GetValue(PeriodKey, TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                PrivacyMetrics.SetIncidentObligations(await CountAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The view may not exist yet on a fresh database (the installer creates it); try again next period.
                logger.LogDebug("Incident obligation counts unavailable ({ErrorType})", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IReadOnlyList<(string Jurisdiction, string Obligation, string State, long Count)>> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"select jurisdiction, obligation, state, count(*) from {AnalyticsSchema.Schema}.incident_obligations where required group by 1, 2, 3");
        var counts = new List<(string, string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return counts;
    }
}

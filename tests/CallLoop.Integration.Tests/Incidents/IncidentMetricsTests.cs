using System.Diagnostics.Metrics;
using System.Net;
using CallLoop.Domain;
using CallLoop.EventStore.Telemetry;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Publication;
using Npgsql;
using static CallLoop.Integration.Tests.Incidents.IncidentAcceptanceTests;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>The obligations gauge read the way an exporter reads it (a MeterListener) from a real silo over its database.</summary>
[Collection(IncidentCollection.Name)]
public sealed class IncidentMetricsTests(IncidentSiloFactory factory)
{
    private const string Gauge = "callloop.incidents.obligations";

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_incident_with_overdue_and_open_obligations_When_gauge_observed_Then_counts_by_jurisdiction_obligation_and_state_match_the_view()
    {
        // Washington's notice was due 30 days after a discovery 60 days ago (overdue); Texas' 60 days after (open or
        // due soon); 300 Texans pass Texas' regulator threshold of 250, a Washington resident does not pass 500.
        var incidentId = $"inc-{Guid.NewGuid():N}";
        await client.PostJsonAsync("/api/incidents", new
        {
            incidentId,
            discoveredAt = Iso(DateTimeOffset.UtcNow.AddDays(-40)),
            occurredFrom = Iso(DateTimeOffset.UtcNow.AddDays(-50)),
            occurredTo = Iso(DateTimeOffset.UtcNow.AddDays(-45)),
            description = "a misconfigured export job mailed the customer table to a wrong address.",
            categories = new[] { "A" },
            dataElements = new[] { "name", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "exports" },
        }).JsonAsync(HttpStatusCode.Created);
        await IncidentCommits.CommitAsync(
            factory.Services,
            incidentId,
            new IncidentAssessmentStarted { Assessment = 1 },
            new IncidentAssessed
            {
                Assessment = 1,
                Jurisdictions =
                [
                    new AffectedJurisdiction { Jurisdiction = "TX", Affected = 300, Notifiable = 300 },
                    new AffectedJurisdiction { Jurisdiction = "WA", Affected = 1, Notifiable = 1 },
                ],
            });

        using var listener = new MeterListener();
        var observed = new List<(string Jurisdiction, string Obligation, string State, long Count, int Tags)>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PrivacyMetrics.MeterName && instrument.Name == Gauge)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var named = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                named[tag.Key] = tag.Value as string;
            }

            observed.Add((named.GetValueOrDefault("jurisdiction")!, named.GetValueOrDefault("obligation")!, named.GetValueOrDefault("state")!, value, named.Count));
        });
        listener.Start();

        // The silo refreshes the gauge from the database every second here (CallLoop:Incidents:MetricsPeriod); other
        // silos of the test run share the static gauge, so wait until this one's counts are the ones observed.
        var expected = await ViewCountsAsync();
        var gauge = await Eventually.ReturnsAsync(
            () =>
            {
                observed.Clear();
                listener.RecordObservableInstruments();
                return Task.FromResult(observed.ToArray());
            },
            m => m.Select(x => (x.Jurisdiction, x.Obligation, x.State, x.Count)).Order().SequenceEqual(expected),
            TimeSpan.FromSeconds(60),
            "the gauge to report this database's obligations");

        Assert.Contains(gauge, m => m is { Jurisdiction: "WA", Obligation: "individuals", State: "overdue", Count: >= 1 });
        Assert.Contains(gauge, m => m is { Jurisdiction: "TX", Obligation: "regulator", Count: >= 1 } && m.State != "not-required");
        Assert.DoesNotContain(gauge, m => m is { Jurisdiction: "WA", Obligation: "regulator" });
        Assert.All(gauge, m => Assert.Equal(3, m.Tags));
    }

    private async Task<(string, string, string, long)[]> ViewCountsAsync()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select jurisdiction, obligation, state, count(*) from analytics.incident_obligations where required group by 1, 2, 3", connection);
        var rows = new List<(string, string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return [.. rows.Order()];
    }
}

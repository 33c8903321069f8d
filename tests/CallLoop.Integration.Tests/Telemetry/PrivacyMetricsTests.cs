using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Telemetry;
using CallLoop.Integration.Tests.Publication;

namespace CallLoop.Integration.Tests.Telemetry;

[Collection(PublicationCollection.Name)]
public sealed class PrivacyMetricsTests(PublicationClusterFixture fixture)
{
    [Fact]
    public async Task Given_gpc_signal_and_rights_request_When_committed_Then_counters_and_append_latency_move_with_codes_only_as_tags()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PrivacyMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, ToDictionary(tags))));
        listener.Start();

        var subjectId = $"metrics-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "VA", Email = "pat@example.com" });
        await grain.ExecuteAsync(new ReceiveGpcSignal { SubjectId = subjectId });
        await grain.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "r-1", Type = RightsRequestType.Portability, Channel = RequestChannel.Email });

        await Eventually.ReturnsAsync(
            () => Task.FromResult(measurements.ToArray()),
            m => m.Any(x => x.Instrument == "callloop.requests.received" && Equals(x.Tags.GetValueOrDefault("type"), "portability") && Equals(x.Tags.GetValueOrDefault("jurisdiction"), "VA")),
            TimeSpan.FromSeconds(30),
            "a received-request count for a VA portability request");

        var all = measurements.ToArray();
        Assert.Contains(all, m => m.Instrument == "callloop.opt_outs" && Equals(m.Tags.GetValueOrDefault("method"), "gpc"));
        Assert.Contains(all, m => m.Instrument == "callloop.events.append.duration" && m.Value > 0);
        Assert.DoesNotContain(all, m => m.Tags.Values.Any(v => v is string s && (s.Contains(subjectId, StringComparison.Ordinal) || s.Contains('@'))));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CallLoop.EventStore.Telemetry;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>Listens to the webhook counters of the CallLoop meter for the lifetime of one test.</summary>
internal sealed class WebhookMetricsProbe : IDisposable
{
    private readonly MeterListener listener = new();

    public WebhookMetricsProbe()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PrivacyMetrics.MeterName && instrument.Name.StartsWith("callloop.webhooks.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            Measurements.Enqueue((instrument.Name, value, copy));
        });
        listener.Start();
    }

    public ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public void Dispose() => listener.Dispose();
}

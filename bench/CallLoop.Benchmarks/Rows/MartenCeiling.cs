using System.Diagnostics;
using Marten;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// Row 2: raw Marten appends, 1,000 events per transaction (Marten 9's default quick append), in two shapes:
/// one event to each of 1,000 streams (the shape of many grains' commands), and 1,000 events to one stream.
/// </summary>
public static class MartenCeiling
{
    private const int EventsPerTransaction = 1_000;

    public static async Task<Measurement> RunAsync(IDocumentStore store, BenchScale scale, int writers, int streamsPerTransaction)
    {
        var perStream = EventsPerTransaction / streamsPerTransaction;
        string Stream(int writer, int s) => $"ceiling-{streamsPerTransaction}-{writer}-{s}";

        // The streams exist beforehand, as subjects' streams do; each writer has its own, as each grain does.
        for (var w = 0; w < writers; w++)
        {
            await using var session = store.LightweightSession();
            for (var s = 0; s < streamsPerTransaction; s++)
            {
                session.Events.StartStream(Stream(w, s), SampleEvents.Registered(Stream(w, s)));
            }

            await session.SaveChangesAsync();
        }

        var latencies = new List<long>[writers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            for (var t = 0; t < scale.CeilingTransactions / writers; t++)
            {
                var before = Stopwatch.GetTimestamp();
                await using var session = store.LightweightSession();
                for (var s = 0; s < streamsPerTransaction; s++)
                {
                    var id = Stream(w, s);
                    session.Events.Append(id, Enumerable.Range(0, perStream).Select(n => (object)SampleEvents.ConsentGranted(id, n)).ToArray());
                }

                await session.SaveChangesAsync();
                latencies[w].Add(Stopwatch.GetTimestamp() - before);
            }
        })));
        clock.Stop();

        var events = (double)(scale.CeilingTransactions / writers * writers * EventsPerTransaction);
        var shape = streamsPerTransaction == 1 ? "1 stream" : $"{streamsPerTransaction:N0} streams";
        return new Measurement($"2. Marten ceiling (1,000 events/tx, {shape})", "events/s", events / clock.Elapsed.TotalSeconds,
            LatencySummary.From(latencies.SelectMany(l => l)), $"{writers} writers; latency per transaction");
    }
}

using System.Diagnostics;
using CallLoop.Contracts.Subjects;
using Marten;

namespace CallLoop.Benchmarks.Rows;

/// <summary>First call to a subject with 1,000 events whose grain was never active: activation reads it from the store.</summary>
public static class ColdActivation
{
    private const int Events = 1_000;

    public static async Task SeedAsync(IDocumentStore store, BenchScale scale)
    {
        for (var s = 0; s < scale.ColdSubjects; s++)
        {
            var id = Subject(s);
            await using var session = store.LightweightSession();
            var events = new List<object> { SampleEvents.Registered(id) };
            events.AddRange(Enumerable.Range(1, Events - 1).Select(n => (object)SampleEvents.ConsentGranted(id, n)));
            session.Events.StartStream(id, events.ToArray());
            await session.SaveChangesAsync();
        }
    }

    public static async Task<Measurement> RunAsync(IGrainFactory grains, BenchScale scale, bool snapshotted)
    {
        var latencies = new List<long>();
        for (var s = 0; s < scale.ColdSubjects; s++)
        {
            var grain = grains.GetGrain<IDataSubjectGrain>(Subject(s));
            var before = Stopwatch.GetTimestamp();
            var profile = await grain.GetProfileAsync();
            latencies.Add(Stopwatch.GetTimestamp() - before);
            if (profile.Version != Events)
            {
                throw new InvalidOperationException($"A cold subject activated at version {profile.Version}, not {Events}.");
            }
        }

        var latency = LatencySummary.From(latencies);
        return snapshotted
            ? new Measurement("Cold activation, 1,000-event subject (snapshot)", "activations/s", 1000 / latency.P50, latency,
                $"{scale.ColdSubjects} subjects in a fresh silo, one after another; snapshot + tail")
            : new Measurement("Cold activation, 1,000-event subject (no snapshot yet)", "activations/s", 1000 / latency.P50, latency,
                $"{scale.ColdSubjects} subjects, one after another; full replay, then writes the snapshot");
    }

    private static string Subject(int s) => $"cold-{s:D4}";
}

using CallLoop.Domain;
using Marten;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// Row 3: what one writes without actors: per command, open a Marten session, fetch the subject's stream for writing
/// (read and fold it), decide, append with the expected version, commit.
/// </summary>
public static class NaiveService
{
    public static async Task<Measurement> RunAsync(IDocumentStore store, BenchScale scale)
    {
        var subjects = Math.Min(scale.Subjects, 10_000);
        string Subject(int i) => $"naive-{i:D7}";
        for (var first = 0; first < subjects; first += 1_000)
        {
            await using var session = store.LightweightSession();
            for (var i = first; i < Math.Min(subjects, first + 1_000); i++)
            {
                session.Events.StartStream(Subject(i), SampleEvents.Registered(Subject(i)));
            }

            await session.SaveChangesAsync();
        }

        var load = await LoadRunner.RunAsync(scale.NaiveConcurrency, scale, async (caller, n) =>
        {
            var subjectId = Subject(Random.Shared.Next(subjects));
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchStreamAsync(subjectId);
            var state = SubjectEvolver.Fold(stream.Select(e => e.Data).OfType<SubjectEvent>());
            var events = SubjectDecider.Decide(state, SampleEvents.GrantConsent(subjectId, (caller * 1_000_000L) + n), DateTimeOffset.UtcNow);
            session.Events.Append(subjectId, state.Version + events.Count, events.Cast<object>().ToArray());
            await session.SaveChangesAsync();
        });

        return new Measurement("3. Naive service (session per command)", "commands/s", load.PerSecond, load.Latency,
            $"concurrency {scale.NaiveConcurrency}, {subjects:N0} subjects, {load.Errors} conflicts/errors; {load.WarmupNote}");
    }
}

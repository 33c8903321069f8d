using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// Row 4: commands through <see cref="IDataSubjectGrain"/>, each returning only after its event is committed
/// (group commit), from closed-loop callers over all subjects.
/// </summary>
public static class GrainCommands
{
    public static async Task RegisterAsync(IGrainFactory grains, int subjects)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 256).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < subjects; i = Interlocked.Increment(ref next))
            {
                var id = SampleEvents.SubjectId(i);
                await grains.GetGrain<IDataSubjectGrain>(id).ExecuteAsync(new RegisterSubject { SubjectId = id, Jurisdiction = "CA" });
            }
        })));
    }

    /// <summary>Activates every subject's grain (a fresh silo), so that a load row measures commands, not activations.</summary>
    public static async Task ActivateAllAsync(IGrainFactory grains, int subjects)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 256).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < subjects; i = Interlocked.Increment(ref next))
            {
                await grains.GetGrain<IDataSubjectGrain>(SampleEvents.SubjectId(i)).GetProfileAsync();
            }
        })));
    }

    /// <param name="cpu">When given: the row's note says the CPU time per 1,000 events committed during the row (this process and PostgreSQL).</param>
    public static async Task<Measurement> RunAsync(IGrainFactory grains, BenchScale scale, int concurrency, NpgsqlDataSource? cpu = null)
    {
        (CpuClock Clock, long Sequence)? before = cpu is null ? null : (await CpuClock.ReadAsync(cpu), await DaemonProgress.HighSequenceAsync(cpu));
        using var gc = GcPauses.Start();
        var load = await LoadRunner.RunAsync(concurrency, scale, (caller, n) =>
        {
            var id = SampleEvents.SubjectId(Random.Shared.Next(scale.LoadSubjects));
            return grains.GetGrain<IDataSubjectGrain>(id).ExecuteAsync(SampleEvents.GrantConsent(id, (caller * 1_000_000L) + n));
        });

        var collected = gc.Stop(load.Warmup + scale.Duration);
        if (Stalls.Print)
        {
            Console.WriteLine($"Concurrency {concurrency:N0}: {Stalls.Describe(load.CompletedByCaller, gc.Pauses)}");
        }

        var spread = scale.LoadSubjects == scale.Subjects ? string.Empty : $" (commands to {scale.LoadSubjects:N0} of them)";
        var note = $"{scale.Subjects:N0} subjects{spread}, {load.Errors} errors; {load.WarmupNote}; {collected}";
        if (cpu is not null && before is { } b)
        {
            var used = await CpuClock.ReadAsync(cpu) - b.Clock;
            note += "; " + used.PerThousand(await DaemonProgress.HighSequenceAsync(cpu) - b.Sequence);
        }

        return new Measurement($"4. CallLoop.Actors grains, concurrency {concurrency:N0}", "commands/s", load.PerSecond, load.Latency, note);
    }

    public static async Task<Measurement> ReadProfilesAsync(IGrainFactory grains, BenchScale scale)
    {
        using var gc = GcPauses.Start();
        var load = await LoadRunner.RunAsync(256, scale, (_, _) =>
            grains.GetGrain<IDataSubjectGrain>(SampleEvents.SubjectId(Random.Shared.Next(scale.Subjects))).GetProfileAsync());

        return new Measurement("Profile reads from active grains", "reads/s", load.PerSecond, load.Latency,
            $"concurrency 256, {load.Errors} errors; {load.WarmupNote}; {gc.Stop(load.Warmup + scale.Duration)}");
    }
}

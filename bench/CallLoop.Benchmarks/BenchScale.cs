namespace CallLoop.Benchmarks;

/// <summary>How big a run is: <c>--quick</c> fits in a few minutes on 2 cores; the full run follows the scale.</summary>
public sealed record BenchScale(
    string Name,
    int Subjects,
    TimeSpan Duration,
    TimeSpan Warmup,
    int CeilingTransactions,
    int NaiveConcurrency,
    int[] GrainConcurrency,
    int ColdSubjects,
    int ReportSubjects)
{
    /// <summary>
    /// How many of the subjects (the first ones) the write rows' commands go to: all by default. <c>--load-subjects
    /// 10000</c> over the full run's 100,000 keeps the heap of 100,000 active grains but writes to a tenth of them.
    /// </summary>
    public int LoadSubjects { get; init; } = Subjects;

    /// <summary>
    /// How long the daemon-lag row offers its load after the warm-up. The lag is a sawtooth (each shard takes pages of
    /// up to 2,000 events) a few thousand events high, so over 8 s its fitted trend moves by more than the 2% of the
    /// rate that counts as growing; over 30 s the sawtooth averages out.
    /// </summary>
    public TimeSpan LagDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a load row's warm-up waits for the JIT to be quiet (<see cref="LoadRunner"/>); a row that reaches it says so.</summary>
    public TimeSpan MaxWarmup { get; init; } = TimeSpan.FromSeconds(30);

    public static BenchScale Quick { get; } = new("quick", 10_000, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(2), 60, 64, [64, 256, 1_024], 10, 100_000);

    public static BenchScale Full { get; } = new("full", 100_000, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), 200, 64, [64, 256, 1_024], 30, 1_000_000);

    /// <summary>Only to check that the rows run (seconds, not minutes); its numbers mean nothing.</summary>
    public static BenchScale Tiny { get; } = new("tiny", 500, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 5, 16, [64], 3, 2_000)
    {
        LagDuration = TimeSpan.FromSeconds(2),
        MaxWarmup = TimeSpan.FromSeconds(1),
    };

    public static BenchScale FromArgs(string[] args)
    {
        var scale = args.Contains("--tiny") ? Tiny : args.Contains("--quick") ? Quick : Full;
        scale = int.TryParse(BenchArguments.ValueAfter(args, "--report-subjects"), out var subjects) ? scale with { ReportSubjects = subjects } : scale;
        return int.TryParse(BenchArguments.ValueAfter(args, "--load-subjects"), out var loaded) ? scale with { LoadSubjects = Math.Min(loaded, scale.Subjects) } : scale;
    }
}

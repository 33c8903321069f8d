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
    public static BenchScale Quick { get; } = new("quick", 10_000, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(2), 60, 64, [64, 256, 1_024], 10, 100_000);

    public static BenchScale Full { get; } = new("full", 100_000, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), 200, 64, [64, 256, 1_024], 30, 1_000_000);

    /// <summary>Only to check that the rows run (seconds, not minutes); its numbers mean nothing.</summary>
    public static BenchScale Tiny { get; } = new("tiny", 500, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 5, 16, [64], 3, 2_000);

    public static BenchScale FromArgs(string[] args)
    {
        var scale = args.Contains("--tiny") ? Tiny : args.Contains("--quick") ? Quick : Full;
        var reports = Array.IndexOf(args, "--report-subjects");
        return reports >= 0 && reports + 1 < args.Length && int.TryParse(args[reports + 1], out var subjects) ? scale with { ReportSubjects = subjects } : scale;
    }
}

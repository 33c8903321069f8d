namespace CallLoop.Grains.Daemon;

/// <summary>How often the daemon's shards are looked after, and how often they look for new events (section <c>CallLoop:Daemon</c>).</summary>
public sealed class DaemonShardOptions
{
    public const string Section = "CallLoop:Daemon";

    /// <summary>The shortest <see cref="PollPeriod"/> allowed: below it the look itself becomes a load on PostgreSQL.</summary>
    public static readonly TimeSpan MinPollPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="PollPeriod"/> allowed: above it publication and the analysts' views fall seconds behind.</summary>
    public static readonly TimeSpan MaxPollPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each daemon silo looks for newly committed events (Marten's high-water mark), whether the last look
    /// found some or not. Marten's defaults (250 ms after a look that found events, 1 s after one that did not) let
    /// the events of up to a second gather, and each shard then reads them as pages of up to 2,000 back to back: a
    /// burst that takes both cores of a small machine and holds up the commands committing meanwhile. Looking every
    /// 100 ms spreads the same work into pages a tenth as large (docs/benchmarks.md: the production row's p99).
    /// An idle silo pays one look per period: two statements, one of them a one-row update of Marten's progression
    /// table (about 0.05 ms of PostgreSQL's time each in the benchmark's statement statistics).
    /// </summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often each daemon silo makes sure every shard runs somewhere and sits where the layout wants it.</summary>
    public TimeSpan KeepPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running shard checks that its lock connection is still open.</summary>
    public TimeSpan FenceCheckPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one look after a shard may take before the silo moves on (its silo may have just died).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What <see cref="PollPeriod"/> must be, for the error a silo that refuses to start gives.</summary>
    public static string PollPeriodRule => $"{Section}: PollPeriod must be {MinPollPeriod.TotalMilliseconds} ms to {MaxPollPeriod.TotalSeconds} s.";

    public bool IsValid() => PollPeriod >= MinPollPeriod && PollPeriod <= MaxPollPeriod;
}

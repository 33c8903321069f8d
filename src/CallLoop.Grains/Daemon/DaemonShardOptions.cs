namespace CallLoop.Grains.Daemon;

/// <summary>How often the daemon's shards are looked after (section <c>CallLoop:Daemon</c>).</summary>
public sealed class DaemonShardOptions
{
    public const string Section = "CallLoop:Daemon";

    /// <summary>How often each daemon silo makes sure every shard runs somewhere and sits where the layout wants it.</summary>
    public TimeSpan KeepPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running shard checks that its lock connection is still open.</summary>
    public TimeSpan FenceCheckPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one look after a shard may take before the silo moves on (its silo may have just died).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

namespace CallLoop.Silo.Failover;

/// <summary>"CallLoop:Failover": how long a repeatable request waits, inside the host, for the cluster to move past a dead silo.</summary>
public sealed class FailoverOptions
{
    public const string Section = "CallLoop:Failover";

    /// <summary>
    /// Default 20 s: Orleans declares a silo dead after it misses its probes (3 of about 2 s each by default, tuned
    /// under "CallLoop:Membership"), and only then places the dead silo's grains elsewhere.
    /// </summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromSeconds(20);
}

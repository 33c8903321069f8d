namespace CallLoop.EventStore.Appending;

/// <summary>How the <see cref="GroupCommitWriter"/> gathers appends into transactions (section <c>CallLoop:GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    public const string Section = "CallLoop:GroupCommit";

    /// <summary>Most appends (commands) committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// How long a lane waits for more appends before committing a part-full batch, only while it is under load
    /// (its previous batch held more than one append); an idle lane commits a lone append at once.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Transactions in flight at once. A stream always goes to the same lane, so its appends stay in order;
    /// two lanes let one lane fill its next batch while the other waits for its commit to reach the disk.
    /// </summary>
    public int Lanes { get; set; } = 2;

    /// <summary>
    /// A lane whose connection sat idle this long asks the server whether it is still there (one round trip) before
    /// it writes its next batch on it, and opens a new one if not: after a restart or a failover, nothing fails for a
    /// connection that went stale while idle. A lane under load never waits this long between batches, so never asks.
    /// </summary>
    public TimeSpan IdleCheckAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How events reach Marten's tables; see <see cref="GroupCommitPath"/>.</summary>
    public GroupCommitPath Path { get; set; } = GroupCommitPath.SetBased;
}

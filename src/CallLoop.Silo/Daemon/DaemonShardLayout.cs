namespace CallLoop.Silo.Daemon;

/// <summary>
/// Where each daemon shard belongs: shard number i of the fixed list on silo number i modulo the number of silos
/// that run the daemon, silos in address order. Every silo computes the same answer from the same membership.
/// </summary>
public sealed class DaemonShardLayout(IReadOnlyList<string> shards)
{
    public IReadOnlyList<string> Shards { get; } = shards;

    public SiloAddress SiloFor(string shard, IEnumerable<SiloAddress> silos)
    {
        var ordered = silos.Distinct().OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0)
        {
            throw new InvalidOperationException("No silo runs the daemon.");
        }

        var position = IndexOf(shard);
        return ordered[position % ordered.Length];
    }

    private int IndexOf(string shard)
    {
        for (var i = 0; i < Shards.Count; i++)
        {
            if (string.Equals(Shards[i], shard, StringComparison.Ordinal))
            {
                return i;
            }
        }

        // Not one of ours (no such shard in this build): a stable spot all the same.
        return (int)(StableHash(shard) % int.MaxValue);
    }

    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

namespace CallLoop.Silo.Analytics;

/// <summary>One shard of the async daemon as an admin sees it: the silo that leads it, whether it runs, since when (or since when it waits for its lock), and its position in the event log.</summary>
public sealed record DaemonShardView(string Shard, string Silo, bool Running, DateTimeOffset? Since, DateTimeOffset? WaitingSince, long Sequence);

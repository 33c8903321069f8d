namespace CallLoop.EventStore.Appending;

/// <summary>Which appends of a batch follow their stream's current version, in arrival order.</summary>
internal static class BatchPlan
{
    /// <summary>
    /// Chains the appends of each stream from its current version: an append is accepted when it expects
    /// the version its stream will have after the appends accepted before it; otherwise it is a conflict.
    /// </summary>
    public static (List<PendingAppend> Accepted, List<PendingAppend> Conflicts) Split(
        IReadOnlyList<PendingAppend> batch, IReadOnlyDictionary<string, long> currentVersions)
    {
        var accepted = new List<PendingAppend>(batch.Count);
        var conflicts = new List<PendingAppend>();
        var next = new Dictionary<string, long>(batch.Count, StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            var append = pending.Append;
            if (!next.TryGetValue(append.StreamId, out var version))
            {
                version = currentVersions.GetValueOrDefault(append.StreamId);
            }

            if (append.ExpectedVersion == version)
            {
                accepted.Add(pending);
                next[append.StreamId] = version + append.Events.Count;
            }
            else
            {
                conflicts.Add(pending);
                next[append.StreamId] = version;
            }
        }

        return (accepted, conflicts);
    }
}

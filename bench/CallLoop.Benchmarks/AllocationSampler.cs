using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CallLoop.Benchmarks;

/// <summary>
/// The runtime's allocation samples (one event about every 100 KB allocated, naming the type that crossed the mark),
/// counted by type while it listens: which types the allocations are, roughly in proportion (<c>--allocations</c>).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    private readonly ConcurrentDictionary<string, long> markedByRoot = new(StringComparer.Ordinal);

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName == "GCMarkWithType" && eventData.Payload is { } mark && eventData.PayloadNames is { } names)
        {
            // What each collection found alive, by the kind of root it was reached from (the runtime's mark types).
            var root = Convert.ToInt32(mark[names.IndexOf("Type")], System.Globalization.CultureInfo.InvariantCulture) switch
            {
                0 => "stacks", 1 => "finalization queue", 2 => "handles", 3 => "older generations (cards)", 4 => "sized refs", 5 => "overflow",
                var other => $"type {other}",
            };
            var bytes = Convert.ToInt64(mark[names.IndexOf("Bytes")], System.Globalization.CultureInfo.InvariantCulture);
            markedByRoot.AddOrUpdate(root, bytes, (_, sum) => sum + bytes);
            return;
        }

        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The bytes the collections marked, by the kind of root they were reached from.</summary>
    public string MarkedByRoot() =>
        string.Join(Environment.NewLine, markedByRoot.OrderByDescending(p => p.Value).Select(p => $"  {p.Value / 1024.0 / 1024.0,9:N1} MiB  {p.Key}"));

    /// <summary>The types with the most sampled bytes, each with its share of all sampled bytes.</summary>
    public string Top(int count)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        return string.Join(Environment.NewLine, bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => $"  {p.Value * 100.0 / total,5:N1}%  {p.Key}"));
    }
}

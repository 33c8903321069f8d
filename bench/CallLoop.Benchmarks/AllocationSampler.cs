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

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The types with the most sampled bytes, each with its share of all sampled bytes.</summary>
    public string Top(int count)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        return string.Join(Environment.NewLine, bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => $"  {p.Value * 100.0 / total,5:N1}%  {p.Key}"));
    }
}

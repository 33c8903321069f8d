using System.Collections.Concurrent;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace CallLoop.Orleans.PostgreSql.Tests;

public interface IStreamProbeGrain : IGrainWithStringKey;

/// <summary>Implicitly subscribed to every stream of <see cref="Namespace"/>; what arrived is kept per stream key.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class StreamProbeGrain : Grain, IStreamProbeGrain, IStreamSubscriptionObserver
{
    public const string Namespace = "probe";

    public static ConcurrentDictionary<string, ConcurrentQueue<int>> Received { get; } = new();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<int>().ResumeAsync((item, _) =>
        {
            Received.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(item);
            return Task.CompletedTask;
        });

    public static int[] For(string key) => Received.TryGetValue(key, out var items) ? items.ToArray() : [];
}

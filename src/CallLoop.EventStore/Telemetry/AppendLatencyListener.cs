using System.Diagnostics;
using System.Runtime.CompilerServices;
using Marten;
using Marten.Services;

namespace CallLoop.EventStore.Telemetry;

/// <summary>
/// Measures each commit that appends events, from the start of SaveChanges to the end of the commit. A store
/// listener rather than code in the append path, so the measurement holds whatever way events are appended.
/// </summary>
public sealed class AppendLatencyListener : DocumentSessionListenerBase
{
    private readonly ConditionalWeakTable<IDocumentSession, StrongBox<long>> started = [];

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Any())
        {
            started.AddOrUpdate(session, new StrongBox<long>(Stopwatch.GetTimestamp()));
        }

        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (started.TryGetValue(session, out var start))
        {
            started.Remove(session);
            PrivacyMetrics.AppendDuration.Record(Stopwatch.GetElapsedTime(start.Value).TotalMilliseconds);
        }

        return Task.CompletedTask;
    }
}

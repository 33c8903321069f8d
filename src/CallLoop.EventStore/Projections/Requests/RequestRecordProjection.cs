using CallLoop.Domain;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Requests;

/// <summary>
/// One <see cref="RequestRecord"/> per rights request, keyed by subject and request id (async). The events it reads,
/// the request each one changes and how are all <see cref="RightsRequestEvolution"/>'s; this class only routes and stores.
/// </summary>
public sealed partial class RequestRecordProjection : MultiStreamProjection<RequestRecord, string>
{
    public RequestRecordProjection()
    {
        Name = ProjectionNames.RequestRecords;
        foreach (var type in RightsRequestEvolution.EventTypes)
        {
            IncludeType(type);
        }

        CustomGrouping((_, events, grouping) =>
        {
            foreach (var e in events)
            {
                if (e.Data is SubjectEvent about && RightsRequestEvolution.RequestIdOf(about) is { } requestId)
                {
                    grouping.AddEvent(RequestRecord.KeyOf(about.SubjectId, requestId), e);
                }
            }

            return Task.CompletedTask;
        });
    }

    public override RequestRecord? Evolve(RequestRecord? snapshot, string id, IEvent e) =>
        e.Data is SubjectEvent about ? Fold(snapshot, about) : snapshot;

    /// <summary>The record after one event about its request; none until the request is received.</summary>
    public static RequestRecord? Fold(RequestRecord? record, SubjectEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var request = record?.Lifecycle is { } folded ? RightsRequestEvolution.Evolve(folded, e)
            : e is RightsRequestReceived received ? RightsRequestEvolution.Received(received)
            : null;
        return request is null ? record : RequestRecord.Of(e.SubjectId, request);
    }
}

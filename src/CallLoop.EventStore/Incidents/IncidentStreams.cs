using CallLoop.Domain;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Subjects;
using Marten;

namespace CallLoop.EventStore.Incidents;

/// <summary>
/// Reads and appends one incident's own stream ("incident/{id}": subject ids never contain '/', so it can never be
/// a subject's stream), guarded by the expected version (<see cref="IIncidentStreams"/>). Incidents are rare: a plain session, not the group commit.
/// </summary>
public sealed class IncidentStreams(IDocumentStore store) : IIncidentStreams
{
    public static string StreamId(string incidentId) => $"incident/{incidentId}";

    public async Task<IncidentState> LoadAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamId(incidentId), token: cancellationToken);
        return IncidentEvolver.Fold(events.Select(e => e.Data).OfType<IncidentEvent>());
    }

    public async Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.Events.Count == 0)
        {
            return;
        }

        var (incidentId, currentVersion) = (append.IncidentId, append.ExpectedVersion);
        await using var session = store.LightweightSession();
        if (append.Actor is not null)
        {
            session.SetHeader("actor", append.Actor);
        }

        var stream = StreamId(incidentId);
        var data = append.Events.Cast<object>().ToArray();
        if (currentVersion == 0)
        {
            session.Events.StartStream(stream, data);
        }
        else
        {
            session.Events.Append(stream, currentVersion + data.Length, data);
        }

        if (append.Noticed is { } noticed)
        {
            IncidentAssessments.QueueNoticed(session, incidentId, noticed.SubjectIds, noticed.SentAt);
        }

        IncidentAssessments.QueueSummary(session, append.Summary);
        var obligations = append.Obligations;
        IncidentAssessments.QueueObligations(session, incidentId, obligations.DiscoveredAt, obligations.Jurisdictions, obligations.DueSoonLead);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (VersionConflicts.IsVersionConflict(error))
        {
            throw new StreamVersionConflictException(stream, currentVersion);
        }
    }
}

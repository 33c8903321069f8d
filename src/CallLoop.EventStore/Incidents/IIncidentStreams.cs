using CallLoop.Domain;
using CallLoop.EventStore.Subjects;

namespace CallLoop.EventStore.Incidents;

/// <summary>
/// The port through which grains read and write one incident's own stream, in domain types only; Marten stays behind
/// it (<see cref="IncidentStreams"/>).
/// </summary>
public interface IIncidentStreams
{
    /// <summary>The incident's current state, folded from its stream (<see cref="IncidentState.Initial"/> when it has none).</summary>
    Task<IncidentState> LoadAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends after the expected version, with the obligation and notice rows in the same transaction.
    /// Throws <see cref="StreamVersionConflictException"/> when another writer got there first (nothing is written).
    /// </summary>
    Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken);
}

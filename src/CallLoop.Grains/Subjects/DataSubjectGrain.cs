using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Subjects;

namespace CallLoop.Grains.Subjects;

/// <summary>
/// Thin actor over one subject's stream: load on activation, decide with the pure domain,
/// append with the expected version, then evolve the in-memory state.
/// </summary>
public sealed class DataSubjectGrain(SubjectStreams streams, TimeProvider clock) : Grain, IDataSubjectGrain
{
    private SubjectState state = SubjectState.Initial;

    private string SubjectId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = await streams.LoadStateAsync(SubjectId, cancellationToken);
    }

    public async Task<SubjectProfile> ExecuteAsync(SubjectCommand command, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!string.Equals(command.SubjectId, SubjectId, StringComparison.Ordinal))
        {
            throw new InvalidCommandException("subjectId", "The command names another subject than the grain it was sent to.");
        }

        var events = SubjectDecider.Decide(state, command, clock.GetUtcNow());
        if (events.Count > 0)
        {
            await AppendAsync(events, actor);
        }

        return SubjectProjection.ToProfile(state);
    }

    public Task<SubjectProfile> GetProfileAsync()
    {
        if (state.Version == 0)
        {
            throw new SubjectNotFoundException(SubjectId);
        }

        return Task.FromResult(SubjectProjection.ToProfile(state));
    }

    public async Task<IReadOnlyList<SubjectHistoryEntry>> GetHistoryAsync()
    {
        var history = await streams.HistoryAsync(SubjectId, CancellationToken.None);
        if (history.Count == 0)
        {
            throw new SubjectNotFoundException(SubjectId);
        }

        return history
            .Where(e => e.Data is SubjectEvent)
            .Select(e => new SubjectHistoryEntry(e.Version, e.Type, e.RecordedAt, (SubjectEvent)e.Data))
            .ToList();
    }

    private async Task AppendAsync(IReadOnlyList<SubjectEvent> events, string? actor)
    {
        try
        {
            await streams.AppendAsync(SubjectId, state.Version, events, actor, CancellationToken.None);
        }
        catch (StreamVersionConflictException conflict)
        {
            // Someone else wrote to this stream (e.g. a duplicate activation): catch up so the next command decides on the truth.
            state = await streams.LoadStateAsync(SubjectId, CancellationToken.None);
            throw new ConcurrencyConflictException(conflict.SubjectId, conflict.ExpectedVersion);
        }
        catch (Exception)
        {
            // The batch failed; should its commit still have landed, the next activation reads the truth from the store.
            this.DeactivateOnIdle();
            throw;
        }

        foreach (var e in events)
        {
            state = SubjectEvolver.Evolve(state, e);
        }
    }
}

using Marten;

namespace CallLoop.EventStore.Projections.Subjects;

/// <summary>
/// Read-your-writes over the async access profile: the subject's stream version is read first, then the
/// projected document is awaited until it has folded at least that version. Every command acknowledged
/// before the read started is therefore in the answer, as it was when the projection ran inline.
/// </summary>
public static class SubjectProfileReads
{
    /// <summary>Longest a read waits for the daemon before it is refused with <see cref="ProfileNotCaughtUpException"/>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    /// <returns>Null when the subject has no stream at all.</returns>
    public static async Task<SubjectAccessProfile?> LoadCurrentAsync(
        this IQuerySession session, string subjectId, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stream = await session.Events.FetchStreamStateAsync(subjectId, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        var deadline = DateTimeOffset.UtcNow + (wait ?? DefaultWait);
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var profile = await session.LoadAsync<SubjectAccessProfile>(subjectId, cancellationToken);
            var projected = profile?.State.Version ?? 0;
            if (projected >= stream.Version)
            {
                return profile;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new ProfileNotCaughtUpException(subjectId, projected, stream.Version);
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }
}

using CallLoop.Domain;

namespace CallLoop.EventStore.Snapshots;

/// <summary>
/// A subject's state as of stream version <see cref="Version"/>, kept as a Marten document so that an activation replays only the
/// events after it. A cache of the stream, never the truth: losing or ignoring it only costs a longer replay.
/// </summary>
public sealed class SubjectSnapshot
{
    /// <summary>Bumped whenever <see cref="SubjectState"/> changes shape (4: requests keep their unacknowledged deliveries;
    /// 5: a withdrawn consent keeps the withdrawal's channel and request); snapshots of another shape are ignored.</summary>
    public const int CurrentShape = 5;

    public string Id { get; set; } = string.Empty;

    public int Shape { get; set; }

    public long Version { get; set; }

    /// <summary>Personal values sealed, as in the events (shape 2; shape 3 adds the collections history); the birth date apart, as sealed text.</summary>
    public SubjectState State { get; set; } = SubjectState.Initial;

    public string? SealedBirthDate { get; set; }
}

namespace CallLoop.Contracts.Incidents;

/// <summary>Where the search for affected subjects stands.</summary>
[GenerateSerializer, Immutable, Alias("callloop.assessment-progress")]
public sealed record AssessmentProgress
{
    public const string NotStarted = "not-started";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Stale = "stale";
    public const string Failed = "failed";

    /// <summary>not-started, running, completed, stale (the facts were corrected since), failed (every attempt failed: a privacy officer restarts it).</summary>
    [Id(0)]
    public string Status { get; init; } = NotStarted;

    [Id(1)]
    public int Number { get; init; }

    [Id(2)]
    public int ChunksDone { get; init; }

    [Id(3)]
    public int ChunksTotal { get; init; }

    /// <summary>Subjects found so far (a subject collected in two states may count twice until the end).</summary>
    [Id(4)]
    public long SubjectsFound { get; init; }

    [Id(5)]
    public DateTimeOffset? StartedAt { get; init; }

    [Id(6)]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Attempts that failed so far (while running, retried after a backoff) or in all (once failed).</summary>
    [Id(7)]
    public int FailedAttempts { get; init; }

    /// <summary>Type of the latest attempt's error (no message: messages may quote data).</summary>
    [Id(8)]
    public string? ErrorType { get; init; }

    [Id(9)]
    public DateTimeOffset? FailedAt { get; init; }
}

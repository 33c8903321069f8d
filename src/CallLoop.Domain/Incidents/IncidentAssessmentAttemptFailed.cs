namespace CallLoop.Domain;

/// <summary>
/// One attempt of the running assessment failed and it will be tried again: the error's type only (never its
/// message) and the attempt's number, counted over every activation and silo that ran it, so the bound of
/// attempts holds across restarts. The last allowed attempt records <see cref="IncidentAssessmentFailed"/> instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-assessment-attempt-failed")]
public sealed record IncidentAssessmentAttemptFailed : IncidentEvent
{
    [Id(0)]
    public int Assessment { get; init; }

    /// <summary>The exception's type name, e.g. <c>PostgresException</c>.</summary>
    [Id(1)]
    public string ErrorType { get; init; } = string.Empty;

    /// <summary>Which attempt failed (1-based).</summary>
    [Id(2)]
    public int Attempt { get; init; }
}

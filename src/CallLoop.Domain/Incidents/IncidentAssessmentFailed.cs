namespace CallLoop.Domain;

/// <summary>
/// The assessment gave up after its attempts: the error's type only (never its message, which may quote data) and how
/// many attempts were made. A privacy officer restarts it (<see cref="RestartAssessment"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-assessment-failed")]
public sealed record IncidentAssessmentFailed : IncidentEvent
{
    [Id(0)]
    public int Assessment { get; init; }

    /// <summary>The exception's type name, e.g. <c>PostgresException</c>.</summary>
    [Id(1)]
    public string ErrorType { get; init; } = string.Empty;

    [Id(2)]
    public int Attempts { get; init; }
}

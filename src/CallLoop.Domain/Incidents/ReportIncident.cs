namespace CallLoop.Domain;

/// <summary>Open an incident with what is known so far.</summary>
[GenerateSerializer, Immutable, Alias("callloop.report-incident")]
public sealed record ReportIncident : IncidentCommand
{
    [Id(0)]
    public IncidentFacts Facts { get; init; } = new();
}

internal static class ReportIncidentDecision
{
    public static ReportIncident Validate(ReportIncident command, DateTimeOffset now) =>
        command with { Facts = IncidentFactsValidation.Validate(command.Facts, now) };

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, ReportIncident command, DateTimeOffset now)
    {
        if (state.Facts is { } known)
        {
            // A retry of the same report is answered as before; different facts are a correction, not a report.
            return IncidentFactsValidation.Same(known, command.Facts)
                ? []
                : throw new RuleViolationException("incident-already-reported", "The incident is already reported; send a correction instead.");
        }

        return [new IncidentReported { Facts = command.Facts }];
    }
}

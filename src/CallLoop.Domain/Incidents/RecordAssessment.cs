namespace CallLoop.Domain;

/// <summary>Record the counts an assessment found (sent by the assessment job when it finishes).</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-assessment")]
public sealed record RecordAssessment : IncidentCommand
{
    [Id(0)]
    public int Assessment { get; init; }

    [Id(1)]
    public IReadOnlyList<AffectedJurisdiction> Jurisdictions { get; init; } = [];
}

internal static class RecordAssessmentDecision
{
    public static RecordAssessment Validate(RecordAssessment command, DateTimeOffset now)
    {
        var jurisdictions = command.Jurisdictions ?? [];
        foreach (var j in jurisdictions)
        {
            CommandInput.Text(j.Jurisdiction, "jurisdictions.jurisdiction", 16);
            if (j.Affected < 0 || j.Notifiable < 0 || j.Notifiable > j.Affected)
            {
                throw new InvalidCommandException("jurisdictions", "Counts must be non-negative and notifiable must not exceed affected.");
            }
        }

        return command with { Jurisdictions = [.. jurisdictions.OrderBy(j => j.Jurisdiction, StringComparer.Ordinal)] };
    }

    /// <summary>Only the assessment still running may record: one overtaken by a correction is dropped.</summary>
    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordAssessment command, DateTimeOffset now) =>
        state.AssessmentRunning && command.Assessment == state.AssessmentStarted
            ? [new IncidentAssessed { Assessment = command.Assessment, Jurisdictions = command.Jurisdictions }]
            : [];
}

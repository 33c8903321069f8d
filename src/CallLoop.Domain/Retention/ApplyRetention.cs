namespace CallLoop.Domain;

/// <summary>
/// Erase the categories whose retention has ended since the account ended. Idempotent: nothing is appended when the
/// account is active (never ended, or reactivated), nothing has expired, or everything expired is already erased.
/// Categories under a legal hold are retained, as with a delete request. Someone without an account (never
/// registered) is erased once <see cref="RetentionPeriods.WithoutAccount"/> has passed since their last event and
/// none of their requests or appeals is open.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.apply-retention")]
public sealed record ApplyRetention : SubjectCommand
{
    /// <summary>The periods in force (the policy's, overridden by configuration).</summary>
    [Id(0)]
    public RetentionPeriods Periods { get; init; } = RetentionTable.Defaults;
}

internal static class ApplyRetentionDecision
{
    public static ApplyRetention Validate(ApplyRetention command, DateTimeOffset now) => command with
    {
        Periods = (command.Periods ?? throw new InvalidCommandException("periods", "Field 'periods' is required.")).Validate(),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ApplyRetention command, DateTimeOffset now)
    {
        if (!state.IsRegistered)
        {
            return state.Version == 0 ? throw new SubjectNotFoundException(command.SubjectId)
                : RetentionSchedule.WithoutAccountExpired(state, command.Periods, now)
                    ? [new ErasureStarted { Reason = ErasureReason.Retention, RetainedCategories = [.. state.HeldUnderLegalHold().Order()] }]
                    : [];
        }

        var expired = RetentionSchedule.Expired(state, command.Periods, now);
        if (expired.Count == 0)
        {
            return [];
        }

        var retained = RetentionSchedule.HeldCategories(state).Except(expired).Union(state.HeldUnderLegalHold()).Order().ToArray();
        return [new ErasureStarted { Reason = ErasureReason.Retention, RetainedCategories = retained }];
    }
}

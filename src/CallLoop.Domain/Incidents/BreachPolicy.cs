namespace CallLoop.Domain;

/// <summary>The company's own settings where the law gives no number.</summary>
/// <param name="CeilingDays">Days allowed for a "without delay" notice (default 30, the shortest common deadline).</param>
/// <param name="DueSoonLead">How long before a due date an obligation counts as due soon.</param>
public sealed record BreachPolicy(int CeilingDays, TimeSpan DueSoonLead)
{
    public static BreachPolicy Default { get; } = new(BreachNotificationTable.DefaultCeilingDays, TimeSpan.FromDays(5));
}

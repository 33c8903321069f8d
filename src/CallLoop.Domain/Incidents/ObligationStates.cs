namespace CallLoop.Domain;

/// <summary>Where a notice obligation stands (metric tag and view column values).</summary>
public static class ObligationStates
{
    public const string NotRequired = "not-required";
    public const string Open = "open";
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";
    public const string Met = "met";

    public static string Of(bool required, DateTimeOffset? dueAt, DateTimeOffset? metAt, DateTimeOffset now, TimeSpan dueSoonLead) =>
        !required ? NotRequired
        : metAt is not null ? Met
        : dueAt is not { } due ? Open
        : now >= due ? Overdue
        : now >= due - dueSoonLead ? DueSoon
        : Open;
}

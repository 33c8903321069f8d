namespace CallLoop.Domain;

/// <summary>Pure: each deadline of a request, whether it is still owed, and what its reminders already recorded.</summary>
public static class RequestDeadlines
{
    /// <summary>
    /// The deadline's date while it is still owed; null once met, moot, or where the law sets none. A reopened request
    /// owes its new response date (warned about and overdue afresh) but no second receipt confirmation: its first
    /// answer already acknowledged it.
    /// </summary>
    public static DateTimeOffset? OpenDueAt(RightsRequest request, RequestDeadlineKind kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        return kind switch
        {
            RequestDeadlineKind.ReceiptConfirmation when request.ReceiptConfirmedAt is null && !request.IsCompleted && request.ReopenedAt is null => request.ConfirmationDueAt,
            RequestDeadlineKind.AppealAnswer when request.AppealFiledAt is not null && request.AppealDecidedAt is null => request.AppealDueAt,
            RequestDeadlineKind.Response when !request.IsCompleted => request.DueAt,
            _ => null,
        };
    }

    /// <summary>The same as <see cref="OpenDueAt(RightsRequest, RequestDeadlineKind)"/>, read from the API's view.</summary>
    public static DateTimeOffset? OpenDueAt(RightsRequestView request, RequestDeadlineKind kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OpenDueAt(
            new RightsRequest
            {
                DueAt = request.DueAt,
                CompletedAt = request.CompletedAt,
                ConfirmationDueAt = request.ConfirmationDueAt,
                ReceiptConfirmedAt = request.ReceiptConfirmedAt,
                AppealFiledAt = request.AppealFiledAt,
                AppealDueAt = request.AppealDueAt,
                AppealDecidedAt = request.AppealDecidedAt,
                ReopenedAt = request.ReopenedAt,
            },
            kind);
    }

    /// <summary>The deadline's "due soon" warning was already given for <paramref name="dueAt"/>, or it is overdue.</summary>
    public static bool WarnedOrOverdue(RightsRequest request, RequestDeadlineKind kind, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return kind switch
        {
            RequestDeadlineKind.ReceiptConfirmation => request.ConfirmationDueSoonWarnedAt is not null || request.ConfirmationOverdueAt is not null,
            RequestDeadlineKind.AppealAnswer => request.AppealDueSoonWarnedFor == dueAt || request.AppealOverdueAt is not null,
            _ => request.DueSoonWarnedFor == dueAt || request.OverdueAt is not null,
        };
    }

    public static bool IsOverdue(RightsRequest request, RequestDeadlineKind kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        return kind switch
        {
            RequestDeadlineKind.ReceiptConfirmation => request.ConfirmationOverdueAt is not null,
            RequestDeadlineKind.AppealAnswer => request.AppealOverdueAt is not null,
            _ => request.OverdueAt is not null,
        };
    }
}

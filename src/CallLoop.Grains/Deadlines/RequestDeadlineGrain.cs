using CallLoop.Contracts.Deadlines;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Deadlines;

/// <summary>
/// Stateless apart from its reminders: when one fires, the request's current record (from the subject's grain)
/// decides what happens, so an extension, a confirmation, a decision or a completion that raced with the reminder is
/// always honoured.
/// </summary>
public sealed class RequestDeadlineGrain(IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<RequestDeadlineGrain> logger)
    : Grain, IRequestDeadlineGrain, IRemindable
{
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";
    public const string ConfirmationDueSoon = "confirmation-due-soon";
    public const string ConfirmationOverdue = "confirmation-overdue";
    public const string AppealDueSoon = "appeal-due-soon";
    public const string AppealOverdue = "appeal-overdue";
    public const string Actor = "deadline-reminder";

    // Orleans timers cannot wait longer than ~49 days; a longer wait fires early and re-arms (see ReceiveReminder).
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);

    private DeadlineOptions Options => options.Value;

    public Task ScheduleAsync(DateTimeOffset dueAt) => ScheduleDeadlineAsync(RequestDeadlineKind.Response, dueAt);

    public async Task ScheduleDeadlineAsync(RequestDeadlineKind deadline, DateTimeOffset dueAt)
    {
        var now = clock.GetUtcNow();
        var (dueSoon, overdue) = Names(deadline);
        await ArmAsync(dueSoon, dueAt - Options.DueSoonLead, now);
        await ArmAsync(overdue, dueAt, now);
    }

    public async Task CancelAsync()
    {
        foreach (var reminder in await this.GetReminders())
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task CancelDeadlineAsync(RequestDeadlineKind deadline)
    {
        var (dueSoon, overdue) = Names(deadline);
        await UnregisterAsync(dueSoon);
        await UnregisterAsync(overdue);
    }

    public async Task<IReadOnlyList<string>> PendingAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToList();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var (subjectId, requestId) = RequestDeadlineKey.Parse(this.GetPrimaryKeyString());
        var subject = GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
        var request = (await subject.GetProfileAsync()).Requests.FirstOrDefault(r => r.RequestId == requestId);
        if (request is null)
        {
            await CancelAsync();
            return;
        }

        var (deadline, isDueSoon) = Parse(reminderName);
        if (RequestDeadlines.OpenDueAt(request, deadline) is not { } dueAt)
        {
            await UnregisterAsync(reminderName);
            return;
        }

        var now = clock.GetUtcNow();
        var target = isDueSoon ? dueAt - Options.DueSoonLead : dueAt;
        if (now < target)
        {
            // Woken early: a wait longer than a timer allows, or the deadline was extended meanwhile.
            await ArmAsync(reminderName, target, now);
            return;
        }

        SubjectCommand command = isDueSoon
            ? new MarkRequestDueSoon { SubjectId = subjectId, RequestId = requestId, Deadline = deadline }
            : new MarkRequestOverdue { SubjectId = subjectId, RequestId = requestId, Deadline = deadline };
        await subject.ExecuteAsync(command, Actor);
        logger.LogInformation("Deadline reminder {Reminder} recorded its fact", reminderName);
        await UnregisterAsync(reminderName);
    }

    private static (string DueSoon, string Overdue) Names(RequestDeadlineKind deadline) => deadline switch
    {
        RequestDeadlineKind.ReceiptConfirmation => (ConfirmationDueSoon, ConfirmationOverdue),
        RequestDeadlineKind.AppealAnswer => (AppealDueSoon, AppealOverdue),
        _ => (DueSoon, Overdue),
    };

    private static (RequestDeadlineKind Deadline, bool IsDueSoon) Parse(string reminderName) => reminderName switch
    {
        ConfirmationDueSoon => (RequestDeadlineKind.ReceiptConfirmation, true),
        ConfirmationOverdue => (RequestDeadlineKind.ReceiptConfirmation, false),
        AppealDueSoon => (RequestDeadlineKind.AppealAnswer, true),
        AppealOverdue => (RequestDeadlineKind.AppealAnswer, false),
        DueSoon => (RequestDeadlineKind.Response, true),
        _ => (RequestDeadlineKind.Response, false),
    };

    private async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task ArmAsync(string name, DateTimeOffset at, DateTimeOffset now)
    {
        var wait = at - now;
        wait = wait < ShortestWait ? ShortestWait : wait > LongestWait ? LongestWait : wait;
        return this.RegisterOrUpdateReminder(name, wait, Options.RetryPeriod);
    }
}

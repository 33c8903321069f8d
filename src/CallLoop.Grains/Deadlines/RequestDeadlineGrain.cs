using CallLoop.Contracts.Deadlines;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Deadlines;

/// <summary>
/// Stateless apart from its reminders: when one fires, the request's current record (from the subject's grain)
/// decides what happens, so an extension or a completion that raced with the reminder is always honoured.
/// </summary>
public sealed class RequestDeadlineGrain(IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<RequestDeadlineGrain> logger)
    : Grain, IRequestDeadlineGrain, IRemindable
{
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";
    public const string Actor = "deadline-reminder";

    // Orleans timers cannot wait longer than ~49 days; a longer wait fires early and re-arms (see ReceiveReminder).
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);

    private DeadlineOptions Options => options.Value;

    public async Task ScheduleAsync(DateTimeOffset dueAt)
    {
        var now = clock.GetUtcNow();
        await ArmAsync(DueSoon, dueAt - Options.DueSoonLead, now);
        await ArmAsync(Overdue, dueAt, now);
    }

    public async Task CancelAsync()
    {
        foreach (var reminder in await this.GetReminders())
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<IReadOnlyList<string>> PendingAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToList();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var (subjectId, requestId) = RequestDeadlineKey.Parse(this.GetPrimaryKeyString());
        var subject = GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
        var request = (await subject.GetProfileAsync()).Requests.FirstOrDefault(r => r.RequestId == requestId);
        if (request is null || request.CompletedAt is not null)
        {
            await CancelAsync();
            return;
        }

        var now = clock.GetUtcNow();
        var target = reminderName == DueSoon ? request.DueAt - Options.DueSoonLead : request.DueAt;
        if (now < target)
        {
            // Woken early: a wait longer than a timer allows, or the deadline was extended meanwhile.
            await ArmAsync(reminderName, target, now);
            return;
        }

        SubjectCommand command = reminderName == DueSoon
            ? new MarkRequestDueSoon { SubjectId = subjectId, RequestId = requestId }
            : new MarkRequestOverdue { SubjectId = subjectId, RequestId = requestId };
        await subject.ExecuteAsync(command, Actor);
        logger.LogInformation("Deadline reminder {Reminder} recorded its fact", reminderName);

        if (await this.GetReminder(reminderName) is { } reminder)
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

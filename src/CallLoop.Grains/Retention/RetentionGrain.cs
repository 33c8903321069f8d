using CallLoop.Contracts.Retention;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Retention;

/// <summary>
/// Stateless apart from its reminder: when it fires, the subject's grain decides what has expired from its own
/// state, so a reactivation, an earlier erasure or a legal hold placed meanwhile is always honoured.
/// </summary>
public sealed class RetentionGrain(IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionGrain> logger)
    : Grain, IRetentionGrain, IRemindable
{
    public const string ReminderName = "retention";
    public const string Actor = "retention-reminder";

    // Orleans timers cannot wait longer than ~49 days; a longer wait fires early, finds nothing expired and re-arms.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);

    public Task AccountEndedAsync(DateTimeOffset endedAt) => ArmAsync(endedAt + options.Value.ToPeriods().Shortest);

    public Task EventWithoutAccountAsync(DateTimeOffset at) => ArmAsync(at + options.Value.ToPeriods().WithoutAccount);

    public Task ReviewSoonAsync() => ArmAsync(clock.GetUtcNow());

    public async Task<bool> IsPendingAsync() => await this.GetReminder(ReminderName) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var subject = GrainFactory.GetGrain<IDataSubjectGrain>(this.GetPrimaryKeyString());
        RetentionReview review;
        try
        {
            review = await subject.ApplyRetentionAsync(new ApplyRetention { Periods = options.Value.ToPeriods() }, Actor);
        }
        catch (SubjectNotFoundException)
        {
            await CancelAsync();
            return;
        }

        logger.LogInformation(
            "Retention reviewed: {Erased} categories erased, {Held} kept under legal hold",
            review.Erased.Count,
            review.HeldUnderLegalHold.Count);
        if (review.NextDueAt is { } next)
        {
            await ArmAsync(next);
        }
        else
        {
            await CancelAsync();
        }
    }

    private async Task CancelAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task ArmAsync(DateTimeOffset at)
    {
        var wait = at - clock.GetUtcNow();
        wait = wait < ShortestWait ? ShortestWait : wait > LongestWait ? LongestWait : wait;
        return this.RegisterOrUpdateReminder(ReminderName, wait, options.Value.RetryPeriod);
    }
}

using System.Globalization;
using CallLoop.Contracts.Incidents;
using CallLoop.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CallLoop.Grains.Incidents;

/// <summary>
/// Reminders named "{jurisdiction}/{obligation}/{due-soon|overdue}/{unix seconds of the moment}", so a moved due date
/// is a new reminder and the old one is dropped. A moment whose fact is recorded is not armed again: every commit of the
/// incident schedules, and it would otherwise fire again after each one for nothing. When one fires, the incident decides
/// whether the fact is still true (a notice recorded meanwhile wins); a wait longer than a timer allows fires early and
/// re-arms. Reentrant: the incident schedules from inside its own turn while a reminder here may be waiting on that
/// incident.
/// </summary>
[Reentrant]
public sealed class IncidentDeadlineGrain(IOptions<IncidentOptions> options, TimeProvider clock, ILogger<IncidentDeadlineGrain> logger)
    : Grain, IIncidentDeadlineGrain, IRemindable
{
    public const string Actor = "incident-deadline-reminder";
    private const string DueSoon = "due-soon";
    private const string Overdue = "overdue";

    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);

    public async Task ScheduleAsync(IReadOnlyList<ObligationDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var lead = options.Value.DueSoonLead;
        var wanted = deadlines
            .SelectMany(d => Moments(d, lead))
            .ToDictionary(n => n.Name, n => n.At, StringComparer.Ordinal);
        var armed = (await this.GetReminders()).ToList();
        foreach (var reminder in armed.Where(r => !wanted.ContainsKey(r.ReminderName)))
        {
            await this.UnregisterReminder(reminder);
        }

        var now = clock.GetUtcNow();
        foreach (var (name, at) in wanted.Where(w => armed.All(r => r.ReminderName != w.Key)))
        {
            await ArmAsync(name, at, now);
        }
    }

    public async Task<IReadOnlyList<string>> PendingAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToList();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var parts = reminderName.Split('/');
        if (parts.Length != 4 || !EnumText.TryParse<BreachObligationKind>(parts[1], out var kind)
            || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            await DropAsync(reminderName);
            return;
        }

        var now = clock.GetUtcNow();
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (now < at)
        {
            await ArmAsync(reminderName, at, now);
            return;
        }

        await GrainFactory.GetGrain<IIncidentGrain>(this.GetPrimaryKeyString())
            .MarkObligationAsync(new MarkObligation { Jurisdiction = parts[0], Obligation = kind, Overdue = parts[2] == Overdue });
        logger.LogInformation("Incident deadline reminder {Obligation} {Moment} recorded its fact", parts[1], parts[2]);
        await DropAsync(reminderName);
    }

    private async Task DropAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The moments of a deadline whose fact the incident has not recorded yet: a recorded one is never armed again.</summary>
    private static IEnumerable<(string Name, DateTimeOffset At)> Moments(ObligationDeadline d, TimeSpan lead)
    {
        if (!d.DueSoonRecorded)
        {
            yield return Name(d, DueSoon, d.DueAt - lead);
        }

        if (!d.OverdueRecorded)
        {
            yield return Name(d, Overdue, d.DueAt);
        }
    }

    private static (string Name, DateTimeOffset At) Name(ObligationDeadline d, string moment, DateTimeOffset at) =>
        ($"{d.Jurisdiction}/{EnumText.ToText(d.Obligation)}/{moment}/{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}", at);

    private Task ArmAsync(string name, DateTimeOffset at, DateTimeOffset now)
    {
        var wait = at - now;
        wait = wait < ShortestWait ? ShortestWait : wait > LongestWait ? LongestWait : wait;
        return this.RegisterOrUpdateReminder(name, wait, options.Value.RetryPeriod);
    }
}

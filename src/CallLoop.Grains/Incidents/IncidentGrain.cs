using CallLoop.Contracts.Incidents;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Subjects;
using CallLoop.EventStore.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Incidents;

/// <summary>
/// Thin actor over one incident's stream: decide with the pure domain, append with the expected version (and the
/// obligation rows the events imply, in the same transaction), evolve. The assessment runs as a background job of
/// this activation; notices go to each subject's own grain first.
/// <para>
/// Nothing after a commit is lost with the silo: the deadline reminders and the assessment job are derived from the
/// committed state (<see cref="FollowCommittedAsync"/>) after every commit and on every activation, and a follow-up
/// reminder armed before each commit, and kept armed while an assessment runs, activates the incident again when the
/// silo died before that derivation or in the middle of the job. It is removed once the derivation has run and no
/// assessment is left running.
/// </para>
/// </summary>
public sealed class IncidentGrain(
    IIncidentStreams streams, IncidentAssessments assessments, IOptions<IncidentOptions> options, TimeProvider clock, ILogger<IncidentGrain> logger)
    : Grain, IIncidentGrain, IRemindable
{
    public const string FollowUpReminder = "follow-up";

    /// <summary>The actor of the facts the assessment job records.</summary>
    public const string AssessmentActor = "incident-assessment";

    public const int MaxPage = 1000;
    public const int MaxNoticeBatch = 1000;
    private const int NoticeParallelism = 16;

    /// <summary>Orleans' shortest reminder period; the ticks that matter come from re-arming with FollowUpAfter.</summary>
    private static readonly TimeSpan FollowUpPeriod = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim writing = new(1, 1);

    /// <summary>Cancelled when the activation goes: a job must not go on writing from a deactivated activation.</summary>
    private readonly CancellationTokenSource stopping = new();
    private IncidentState state = IncidentState.Initial;
    private AssessmentProgress? job;

    /// <summary>Whether the follow-up reminder is registered; null until this activation has looked.</summary>
    private bool? followUpArmed;

    private string IncidentId => this.GetPrimaryKeyString();

    private BreachPolicy Policy => options.Value.Policy;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = await streams.LoadAsync(IncidentId, cancellationToken);
        if (state.IsReported)
        {
            await FollowCommittedAsync();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stopping.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>The follow-up reminder: derive again from the committed state (resuming an interrupted assessment).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FollowUpReminder)
        {
            return;
        }

        if (!state.IsReported)
        {
            // Armed before a first commit that never happened.
            await DisarmFollowUpAsync();
            return;
        }

        await FollowCommittedAsync(rearm: true);
    }

    public async Task<IncidentView> ReportAsync(ReportIncident command, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        await DecideAndAppendAsync(command with { IncidentId = IncidentId }, actor);
        return View();
    }

    public async Task<IncidentView> CorrectAsync(CorrectIncident command, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        await DecideAndAppendAsync(command with { IncidentId = IncidentId }, actor);
        return View();
    }

    public async Task<IncidentView> StartAssessmentAsync(string? actor = null)
    {
        await DecideAndAppendAsync(new StartAssessment { IncidentId = IncidentId }, actor);
        return View();
    }

    public async Task<IncidentView> RestartAssessmentAsync(string? actor = null)
    {
        await DecideAndAppendAsync(new RestartAssessment { IncidentId = IncidentId }, actor);
        return View();
    }

    public Task<IncidentView> GetAsync()
    {
        RequireReported();
        return Task.FromResult(View());
    }

    public async Task<IncidentSubjectPage> GetSubjectsAsync(string jurisdiction, string? after, int limit)
    {
        RequireReported();
        var code = Jurisdiction(jurisdiction);
        if (limit is < 1 or > MaxPage)
        {
            throw new InvalidCommandException("limit", $"Field 'limit' must be between 1 and {MaxPage}.");
        }

        var rows = await assessments.PageAsync(IncidentId, code, after, limit, CancellationToken.None);
        return new IncidentSubjectPage
        {
            Jurisdiction = code,
            Items = rows.Select(r => new IncidentSubjectEntry { SubjectId = r.SubjectId, NoticedAt = r.NoticedAt }).ToList(),
            Next = rows.Count == limit ? rows[^1].SubjectId : null,
        };
    }

    public async Task<NoticeOutcome> RecordNoticesAsync(IReadOnlyList<string> subjectIds, NoticeChannel channel, DateTimeOffset? sentAt, string? actor = null)
    {
        RequireReported();
        if (subjectIds is null || subjectIds.Count is 0 or > MaxNoticeBatch)
        {
            throw new InvalidCommandException("subjectIds", $"Field 'subjectIds' must list 1 to {MaxNoticeBatch} subject ids.");
        }

        var ids = subjectIds.Select((id, i) => ValidSubjectId(id, $"subjectIds[{i}]")).Distinct(StringComparer.Ordinal).ToArray();
        var at = sentAt ?? clock.GetUtcNow();

        var rows = (await assessments.FindAsync(IncidentId, ids, CancellationToken.None)).ToDictionary(r => r.SubjectId, StringComparer.Ordinal);
        var notAffected = ids.Where(id => !rows.ContainsKey(id)).ToList();
        var already = ids.Where(id => rows.TryGetValue(id, out var r) && r.NoticedAt is not null).ToList();
        var notNotifiable = ids.Where(id => rows.TryGetValue(id, out var r) && r.NoticedAt is null && !r.Notifiable).ToList();
        var due = ids.Where(id => rows.TryGetValue(id, out var r) && r.NoticedAt is null && r.Notifiable).Select(id => rows[id]).ToList();

        // Validates channel, time and the incident's rules (a regulator to be told first) for the notices planned,
        // before anyone's stream is touched.
        IncidentDecider.Decide(state, new RecordIndividualNotices { IncidentId = IncidentId, Channel = channel, SentAt = at, Notices = Counts(due) }, clock.GetUtcNow(), Policy);

        var noticed = new List<IncidentSubject>();
        foreach (var batch in due.Chunk(NoticeParallelism))
        {
            var results = await Task.WhenAll(batch.Select(subject => NotifySubjectAsync(subject, channel, at, actor)));
            noticed.AddRange(batch.Where((_, i) => results[i]));
            notNotifiable.AddRange(batch.Where((_, i) => !results[i]).Select(s => s.SubjectId));
        }

        var counts = Counts(noticed);
        var noticedIds = noticed.Select(s => s.SubjectId).ToArray();
        await DecideAndAppendAsync(
            new RecordIndividualNotices { IncidentId = IncidentId, Channel = channel, SentAt = at, Notices = counts },
            actor,
            noticed: (noticedIds, at));

        return new NoticeOutcome { Recorded = noticed.Count, AlreadyNoticed = already, NotAffected = notAffected, NotNotifiable = notNotifiable };
    }

    public async Task<IncidentView> RecordRegulatorNoticeAsync(RecordRegulatorNotice command, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        await DecideAndAppendAsync(command with { IncidentId = IncidentId }, actor);
        return View();
    }

    public async Task<IncidentView> RecordCreditBureauNoticeAsync(RecordCreditBureauNotice command, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        await DecideAndAppendAsync(command with { IncidentId = IncidentId }, actor);
        return View();
    }

    public Task<BreachNotice> RenderNoticeAsync(string jurisdiction)
    {
        RequireReported();
        var code = Jurisdiction(jurisdiction);
        var affected = state.Affected.TryGetValue(code, out var found) ? found.Affected : 0;
        return Task.FromResult(BreachNoticeText.Render(IncidentId, state.Facts!, code, affected));
    }

    public Task MarkObligationAsync(MarkObligation command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DecideAndAppendAsync(command with { IncidentId = IncidentId }, IncidentDeadlineGrain.Actor);
    }

    private static JurisdictionNoticeCount[] Counts(IEnumerable<IncidentSubject> subjects) =>
        subjects.GroupBy(s => s.Jurisdiction, StringComparer.Ordinal)
            .Select(g => new JurisdictionNoticeCount { Jurisdiction = g.Key, Count = g.LongCount() })
            .ToArray();

    private async Task<bool> NotifySubjectAsync(IncidentSubject subject, NoticeChannel channel, DateTimeOffset sentAt, string? actor)
    {
        var command = new RecordBreachNotice { SubjectId = subject.SubjectId, IncidentId = IncidentId, Channel = channel, SentAt = sentAt, Jurisdiction = subject.Jurisdiction };
        try
        {
            await GrainFactory.GetGrain<IDataSubjectGrain>(subject.SubjectId).ExecuteAsync(command, actor);
            return true;
        }
        catch (RuleViolationException violation) when (violation.Rule == "subject-erased")
        {
            return false;
        }
    }

    private void StartJob()
    {
        var number = state.AssessmentStarted;
        var facts = state.Facts!;
        job = new AssessmentProgress
        {
            Status = AssessmentProgress.Running,
            Number = number,
            ChunksTotal = IncidentAssessments.Chunks.Count,
            StartedAt = clock.GetUtcNow(),
            FailedAttempts = state.AssessmentAttemptsFailed,
        };

        // Keeps running on this activation's scheduler, between the grain's calls; the activation stays while it runs.
        this.DelayDeactivation(TimeSpan.FromHours(2));
        _ = RunJobAsync(number, facts);
    }

    /// <summary>
    /// Runs assessment <paramref name="number"/>, retrying a failed attempt after a doubling wait. Each failed attempt
    /// is recorded in the stream (<see cref="IncidentAssessmentAttemptFailed"/>), so the count survives a deactivation
    /// or a dead silo; the attempt that reaches <see cref="IncidentOptions.AssessmentAttempts"/> records
    /// <see cref="IncidentAssessmentFailed"/> and stops (the follow-up reminder then no longer starts it: a privacy
    /// officer restarts it). Should recording fail too, this activation counts on from the stream's count, and once
    /// that reaches the bound it leaves the assessment to the follow-up reminder.
    /// </summary>
    private async Task RunJobAsync(int number, IncidentFacts facts)
    {
        var attempts = options.Value.AssessmentAttempts;
        var unrecorded = 0;
        try
        {
            while (true)
            {
                Exception failure;
                try
                {
                    await AssessAsync(number, facts);
                    return;
                }
                catch (Exception ex)
                {
                    failure = ex;
                }

                // Type only: messages of database failures may quote parameters.
                var errorType = failure.GetType().Name;
                if (stopping.IsCancellationRequested)
                {
                    // The activation goes: not a failure of the assessment, the follow-up reminder resumes it elsewhere.
                    logger.LogInformation("Incident assessment {Number} stopped with its activation ({ErrorType})", number, errorType);
                    return;
                }

                if (job?.Number != number)
                {
                    // A later assessment took its place: nothing to retry or to record (the decider would drop it).
                    logger.LogInformation("Incident assessment {Number} failed ({ErrorType}) after a later one took its place", number, errorType);
                    return;
                }

                int attempt;
                try
                {
                    await DecideAndAppendAsync(new RecordAssessmentFailure { IncidentId = IncidentId, Assessment = number, ErrorType = errorType, AttemptsAllowed = attempts }, actor: AssessmentActor);
                    (attempt, unrecorded) = (state.AssessmentAttemptsFailed, 0);
                }
                catch (Exception recording)
                {
                    unrecorded++;
                    attempt = state.AssessmentAttemptsFailed + unrecorded;
                    if (attempt >= attempts)
                    {
                        ReportGaveUp(number, attempt, errorType);
                        // Nothing recorded: the assessment still runs in the stream, so the follow-up reminder starts it again.
                        logger.LogError("Incident assessment {Number} failed ({ErrorType}) and recording that failed too ({RecordingErrorType}); its follow-up reminder starts it again", number, errorType, recording.GetType().Name);
                        return;
                    }
                }

                if (state.AssessmentFailed && state.LastFailure?.Assessment == number)
                {
                    ReportGaveUp(number, attempt, errorType);
                    PrivacyMetrics.IncidentAssessmentsFailed.Add(1);
                    logger.LogError("Incident assessment {Number} failed {Attempts} times ({ErrorType}); recorded as failed, waiting for a restart", number, attempt, errorType);
                    return;
                }

                if (!state.AssessmentRunning || state.AssessmentStarted != number)
                {
                    return;
                }

                var wait = options.Value.AssessmentBackoff(attempt);
                Report(number, j => j with { ChunksDone = 0, SubjectsFound = 0, FailedAttempts = attempt, ErrorType = errorType, FailedAt = clock.GetUtcNow() });
                logger.LogWarning("Incident assessment {Number} attempt {Attempt} of {Attempts} failed ({ErrorType}); retrying in {Wait}", number, attempt, attempts, errorType, wait);
                try
                {
                    await Task.Delay(wait, clock, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            if (job is not { Status: AssessmentProgress.Running })
            {
                this.DelayDeactivation(TimeSpan.Zero);
            }
        }
    }

    private async Task AssessAsync(int number, IncidentFacts facts)
    {
        foreach (var chunk in IncidentAssessments.Chunks)
        {
            stopping.Token.ThrowIfCancellationRequested();
            var found = await assessments.AssessChunkAsync(IncidentId, number, facts, chunk, CancellationToken.None);
            Report(number, j => j with { ChunksDone = j.ChunksDone + 1, SubjectsFound = j.SubjectsFound + found });
        }

        await assessments.DropEarlierAsync(IncidentId, number, CancellationToken.None);
        var counts = await assessments.CountAsync(IncidentId, CancellationToken.None);
        await DecideAndAppendAsync(new RecordAssessment { IncidentId = IncidentId, Assessment = number, Jurisdictions = counts }, actor: AssessmentActor);
        Report(number, j => j with { Status = AssessmentProgress.Completed, SubjectsFound = counts.Sum(c => c.Affected), CompletedAt = clock.GetUtcNow() });
        logger.LogInformation("Incident assessment {Number} completed over {Jurisdictions} jurisdictions", number, counts.Count);
    }

    /// <summary>Job <paramref name="number"/> stopped trying after <paramref name="attempts"/> failed attempts.</summary>
    private void ReportGaveUp(int number, int attempts, string errorType) =>
        Report(number, j => j with { Status = AssessmentProgress.Failed, FailedAttempts = attempts, ErrorType = errorType, FailedAt = clock.GetUtcNow() });

    /// <summary>Progress of job <paramref name="number"/>, unless a later one took its place.</summary>
    private void Report(int number, Func<AssessmentProgress, AssessmentProgress> change)
    {
        if (job is { } current && current.Number == number)
        {
            job = change(current);
        }
    }

    private async Task DecideAndAppendAsync(IncidentCommand command, string? actor, (IReadOnlyCollection<string> SubjectIds, DateTimeOffset SentAt)? noticed = null)
    {
        await writing.WaitAsync();
        try
        {
            var now = clock.GetUtcNow();
            var events = IncidentDecider.Decide(state, command, now, Policy);
            if (events.Count == 0)
            {
                return;
            }

            var next = events.Aggregate(state, IncidentEvolver.Evolve);
            var obligations = BreachObligations.For(next, Policy, now);

            // Before the commit: should this silo die after it, the reminder derives what follows from it.
            await ArmFollowUpAsync(rearm: false);
            try
            {
                var append = new IncidentAppend(IncidentId, state.Version, events, actor)
                {
                    Obligations = new IncidentObligations(next.Facts!.DiscoveredAt, obligations, Policy.DueSoonLead),
                    Summary = IncidentSummary.Of(next),
                    Noticed = noticed,
                };
                await streams.AppendAsync(append, CancellationToken.None);
            }
            catch (StreamVersionConflictException conflict)
            {
                state = await streams.LoadAsync(IncidentId, CancellationToken.None);
                throw new ConcurrencyConflictException(conflict.SubjectId, conflict.ExpectedVersion);
            }

            state = next;
            await FollowCommittedAsync();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Everything that follows from the committed state, idempotent: the deadline reminders of the open obligations
    /// (the set armed becomes the set derived), the assessment job while one is running, and the follow-up reminder
    /// while a job runs (dropped otherwise, since nothing is then left to derive).
    /// </summary>
    private async Task FollowCommittedAsync(bool rearm = false)
    {
        var deadlines = ObligationDeadline.OpenOf(BreachObligations.For(state, Policy, clock.GetUtcNow()), state);
        await GrainFactory.GetGrain<IIncidentDeadlineGrain>(IncidentId).ScheduleAsync(deadlines);
        if (state.AssessmentRunning)
        {
            if (job is not { Status: AssessmentProgress.Running } running || running.Number != state.AssessmentStarted)
            {
                StartJob();
            }

            await ArmFollowUpAsync(rearm);
        }
        else
        {
            await DisarmFollowUpAsync();
        }
    }

    private async Task ArmFollowUpAsync(bool rearm)
    {
        if (followUpArmed is true && !rearm)
        {
            return;
        }

        // Re-armed at each tick while a job runs, so a job interrupted with its silo resumes within FollowUpAfter.
        var after = options.Value.FollowUpAfter;
        await this.RegisterOrUpdateReminder(FollowUpReminder, after, after < FollowUpPeriod ? FollowUpPeriod : after);
        followUpArmed = true;
    }

    private async Task DisarmFollowUpAsync()
    {
        if (followUpArmed is false)
        {
            return;
        }

        if (await this.GetReminder(FollowUpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        followUpArmed = false;
    }

    private IncidentView View()
    {
        var now = clock.GetUtcNow();
        var obligations = BreachObligations.For(state, Policy, now);
        return new IncidentView
        {
            IncidentId = IncidentId,
            Facts = state.Facts!,
            ReportedAt = state.ReportedAt,
            Corrections = state.Corrections,
            Assessment = Progress(),
            Affected = state.AssessmentStale ? 0 : state.Affected.Values.Sum(a => a.Affected),
            Jurisdictions = state.AssessmentStale ? [] : obligations,
        };
    }

    private AssessmentProgress Progress()
    {
        if (job is { } running && running.Number == state.AssessmentStarted && (state.AssessmentRunning || running.Status == AssessmentProgress.Completed))
        {
            return running;
        }

        var failure = state.AssessmentFailed ? state.LastFailure : null;
        return new AssessmentProgress
        {
            Number = state.AssessmentStarted,
            Status = AssessmentStatus.Of(state),
            ChunksDone = state.AssessmentRunning || failure is not null ? 0 : IncidentAssessments.Chunks.Count,
            ChunksTotal = IncidentAssessments.Chunks.Count,
            SubjectsFound = failure is not null ? 0 : state.Affected.Values.Sum(a => a.Affected),
            CompletedAt = state.AssessmentRunning || failure is not null ? null : state.AssessedAt,
            FailedAttempts = failure?.Attempts ?? (state.AssessmentRunning ? state.AssessmentAttemptsFailed : 0),
            ErrorType = failure?.ErrorType,
            FailedAt = failure?.OccurredAt,
        };
    }

    private void RequireReported()
    {
        IncidentIds.Validate(IncidentId);
        if (!state.IsReported)
        {
            throw new IncidentNotFoundException(IncidentId);
        }
    }

    private static string Jurisdiction(string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 16
            ? throw new InvalidCommandException("jurisdiction", "Field 'jurisdiction' is required: a US state code, CAN or QC.")
            : code.Trim() is var trimmed && trimmed.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? "unknown" : trimmed.ToUpperInvariant();

    private static string ValidSubjectId(string? id, string field)
    {
        try
        {
            return SubjectIds.Validate(id);
        }
        catch (InvalidCommandException invalid)
        {
            throw new InvalidCommandException(field, invalid.Message.Replace("'subjectId'", $"'{field}'", StringComparison.Ordinal));
        }
    }
}

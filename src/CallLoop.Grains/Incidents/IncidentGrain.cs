using CallLoop.Contracts.Incidents;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Incidents;

/// <summary>
/// Thin actor over one incident's stream: decide with the pure domain, append with the expected version (and the
/// obligation rows the events imply, in the same transaction), evolve. The assessment runs as a background job of
/// this activation (resumed on activation after a crash); notices go to each subject's own grain first.
/// </summary>
public sealed class IncidentGrain(
    IncidentStreams streams, IncidentAssessments assessments, IOptions<IncidentOptions> options, TimeProvider clock, ILogger<IncidentGrain> logger)
    : Grain, IIncidentGrain
{
    public const int MaxPage = 1000;
    public const int MaxNoticeBatch = 1000;
    private const int NoticeParallelism = 16;

    private readonly SemaphoreSlim writing = new(1, 1);
    private IncidentState state = IncidentState.Initial;
    private AssessmentProgress? job;

    private string IncidentId => this.GetPrimaryKeyString();

    private BreachPolicy Policy => options.Value.Policy;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = await streams.LoadAsync(IncidentId, cancellationToken);

        // An assessment whose silo died resumes here; its chunks are idempotent upserts.
        if (state.AssessmentRunning)
        {
            StartJob();
        }
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
        if (state.AssessmentRunning && job is not { Status: AssessmentProgress.Running })
        {
            StartJob();
        }

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

        var ids = subjectIds.Select((id, i) => Require(id, $"subjectIds[{i}]")).Distinct(StringComparer.Ordinal).ToArray();
        var at = sentAt ?? clock.GetUtcNow();

        // Validates channel, time and the incident's rules before anyone's stream is touched.
        IncidentDecider.Decide(state, new RecordIndividualNotices { IncidentId = IncidentId, Channel = channel, SentAt = at, Notices = [] }, clock.GetUtcNow(), Policy);

        var rows = (await assessments.FindAsync(IncidentId, ids, CancellationToken.None)).ToDictionary(r => r.SubjectId, StringComparer.Ordinal);
        var notAffected = ids.Where(id => !rows.ContainsKey(id)).ToList();
        var already = ids.Where(id => rows.TryGetValue(id, out var r) && r.NoticedAt is not null).ToList();
        var notNotifiable = ids.Where(id => rows.TryGetValue(id, out var r) && r.NoticedAt is null && !r.Notifiable).ToList();
        var due = ids.Where(id => rows.TryGetValue(id, out var r) && r.NoticedAt is null && r.Notifiable).Select(id => rows[id]).ToList();

        var noticed = new List<IncidentSubject>();
        foreach (var batch in due.Chunk(NoticeParallelism))
        {
            var results = await Task.WhenAll(batch.Select(subject => NotifySubjectAsync(subject, channel, at, actor)));
            noticed.AddRange(batch.Where((_, i) => results[i]));
            notNotifiable.AddRange(batch.Where((_, i) => !results[i]).Select(s => s.SubjectId));
        }

        var counts = noticed.GroupBy(s => s.Jurisdiction, StringComparer.Ordinal)
            .Select(g => new JurisdictionNoticeCount { Jurisdiction = g.Key, Count = g.LongCount() })
            .ToArray();
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
        };

        // Keeps running on this activation's scheduler, between the grain's calls; the activation stays while it runs.
        this.DelayDeactivation(TimeSpan.FromHours(2));
        _ = RunJobAsync(number, facts);
    }

    private async Task RunJobAsync(int number, IncidentFacts facts)
    {
        try
        {
            foreach (var chunk in IncidentAssessments.Chunks)
            {
                var found = await assessments.AssessChunkAsync(IncidentId, number, facts, chunk, CancellationToken.None);
                job = job! with { ChunksDone = job.ChunksDone + 1, SubjectsFound = job.SubjectsFound + found };
            }

            await assessments.DropEarlierAsync(IncidentId, number, CancellationToken.None);
            var counts = await assessments.CountAsync(IncidentId, CancellationToken.None);
            await DecideAndAppendAsync(new RecordAssessment { IncidentId = IncidentId, Assessment = number, Jurisdictions = counts }, actor: "incident-assessment");
            job = job! with { Status = AssessmentProgress.Completed, SubjectsFound = counts.Sum(c => c.Affected), CompletedAt = clock.GetUtcNow() };
            logger.LogInformation("Incident assessment {Number} completed over {Jurisdictions} jurisdictions", number, counts.Count);
        }
        catch (Exception ex)
        {
            // Type only: messages of database failures may quote parameters.
            job = job! with { Status = AssessmentProgress.Failed };
            logger.LogError("Incident assessment {Number} failed ({ErrorType}); start it again", number, ex.GetType().Name);
        }
        finally
        {
            this.DelayDeactivation(TimeSpan.Zero);
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
            try
            {
                var append = new IncidentAppend(IncidentId, state.Version, events, actor)
                {
                    Obligations = new IncidentObligations(next.Facts!.DiscoveredAt, obligations, Policy.DueSoonLead),
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
            await GrainFactory.GetGrain<IIncidentDeadlineGrain>(IncidentId).ScheduleAsync(IncidentDeadlineGrain.Deadlines(obligations));
        }
        finally
        {
            writing.Release();
        }
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

        return new AssessmentProgress
        {
            Number = state.AssessmentStarted,
            Status = state.AssessmentStarted == 0 ? AssessmentProgress.NotStarted
                : state.AssessmentStale ? AssessmentProgress.Stale
                : state.AssessmentRunning ? AssessmentProgress.Running
                : AssessmentProgress.Completed,
            ChunksDone = state.AssessmentRunning ? 0 : IncidentAssessments.Chunks.Count,
            ChunksTotal = IncidentAssessments.Chunks.Count,
            SubjectsFound = state.Affected.Values.Sum(a => a.Affected),
            CompletedAt = state.AssessmentRunning ? null : state.AssessedAt,
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

    private static string Require(string? id, string field)
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

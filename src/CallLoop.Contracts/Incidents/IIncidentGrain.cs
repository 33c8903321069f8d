using CallLoop.Domain;
using Orleans.Concurrency;

namespace CallLoop.Contracts.Incidents;

/// <summary>
/// One security incident (key: the incident id), over its own stream. Commands return once their events are
/// committed. Errors are typed and append nothing: <see cref="InvalidCommandException"/> (naming the field),
/// <see cref="RuleViolationException"/> (naming the rule), <see cref="IncidentNotFoundException"/>.
/// </summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    Task<IncidentView> ReportAsync(ReportIncident command, string? actor = null);

    Task<IncidentView> CorrectAsync(CorrectIncident command, string? actor = null);

    /// <summary>Starts the assessment in the background and answers at once; <see cref="IncidentView.Assessment"/> shows its progress.</summary>
    Task<IncidentView> StartAssessmentAsync(string? actor = null);

    /// <summary>
    /// Starts a failed assessment again, as a new one (rule <c>assessment-not-failed</c> otherwise). An assessment
    /// fails after its configured attempts (CallLoop:Incidents:AssessmentAttempts), recording <see cref="IncidentAssessmentFailed"/>.
    /// </summary>
    Task<IncidentView> RestartAssessmentAsync(string? actor = null);

    /// <summary>Reads interleave with a running notice batch: the state they read is replaced whole, never changed in place.</summary>
    [AlwaysInterleave]
    Task<IncidentView> GetAsync();

    /// <summary>The notifiable subjects of <paramref name="jurisdiction"/> after <paramref name="after"/>, by subject id.</summary>
    [AlwaysInterleave]
    Task<IncidentSubjectPage> GetSubjectsAsync(string jurisdiction, string? after, int limit);

    /// <summary>Records the notice on each subject's stream, then the counts on the incident's.</summary>
    Task<NoticeOutcome> RecordNoticesAsync(IReadOnlyList<string> subjectIds, NoticeChannel channel, DateTimeOffset? sentAt, string? actor = null);

    Task<IncidentView> RecordRegulatorNoticeAsync(RecordRegulatorNotice command, string? actor = null);

    /// <summary>Records that a credit bureau was told, for one jurisdiction or every one whose law requires it.</summary>
    Task<IncidentView> RecordCreditBureauNoticeAsync(RecordCreditBureauNotice command, string? actor = null);

    [AlwaysInterleave]
    Task<BreachNotice> RenderNoticeAsync(string jurisdiction);

    /// <summary>Records a due-soon or overdue fact (the deadline reminders call this).</summary>
    Task MarkObligationAsync(MarkObligation command);
}

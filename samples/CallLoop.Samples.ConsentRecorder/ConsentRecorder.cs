using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using Microsoft.Extensions.Logging;

namespace CallLoop.Samples.ConsentRecorder;

/// <summary>
/// What an internal service does through the grain contract: registers a generated subject (a fictional 555
/// number, no real person), records its express consent to marketing texts, then the SMS STOP it sent back.
/// Logs carry the generated subject id, versions and outcomes only. It names no actor: the silos record the common
/// name of the certificate it connects with.
/// </summary>
public sealed class ConsentRecorder(IClusterClient client, TimeProvider clock, ILogger<ConsentRecorder> logger)
{
    public const string NoticeVersion = "sample-2025-01";

    public async Task<RecordingOutcome> RecordAsync(CancellationToken cancellationToken)
    {
        var subjectId = $"sample-{Guid.NewGuid():N}";
        var subject = client.GetGrain<IDataSubjectGrain>(subjectId);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await subject.RegisterAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Phone = FictionalPhone() });
            var consented = await subject.GrantConsentAsync(
                new GrantConsent
                {
                    SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.ExpressWritten, NoticeVersion = NoticeVersion,
                    SignatureMethod = SignatureMethod.KeywordDoubleOptIn, Evidence = "JOIN texted, YES confirmed",
                });
            logger.LogInformation("Consent recorded for {SubjectId} at version {Version}", subjectId, consented.Version);

            cancellationToken.ThrowIfCancellationRequested();
            var stopped = await subject.ReceiveSmsKeywordAsync(new ReceiveSmsKeyword { SubjectId = subjectId, Body = "STOP" });
            logger.LogInformation("SMS STOP recorded for {SubjectId} at version {Version}", subjectId, stopped.Version);
            return new RecordingOutcome(subjectId, true, stopped.Version);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type only: messages of domain errors may name the field values sent.
            logger.LogError("Recording for {SubjectId} failed ({ErrorType})", subjectId, ex.GetType().Name);
            return new RecordingOutcome(subjectId, false, 0);
        }
    }

    // 555-01xx numbers are reserved for fiction in North America.
    private string FictionalPhone() => $"(555) 010-{clock.GetUtcNow().Millisecond % 100:00}00";
}

/// <summary>The generated subject, whether both facts were committed, and the subject's stream version after them.</summary>
public sealed record RecordingOutcome(string SubjectId, bool Recorded, long Version);

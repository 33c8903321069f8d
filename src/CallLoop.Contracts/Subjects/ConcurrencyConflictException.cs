namespace CallLoop.Contracts.Subjects;

/// <summary>Another writer appended to the subject's stream first; this command appended nothing and may be retried.</summary>
[GenerateSerializer, Alias("callloop.concurrency-conflict")]
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string subjectId, long expectedVersion)
        : base($"The stream of subject '{subjectId}' changed concurrently (expected version {expectedVersion}); nothing was appended.")
    {
        SubjectId = subjectId;
        ExpectedVersion = expectedVersion;
    }

    [Id(0)]
    public string SubjectId { get; }

    [Id(1)]
    public long ExpectedVersion { get; }
}

namespace CallLoop.Domain;

/// <summary>
/// An idempotency key this subject has already seen, sent with another command, payload or caller (HTTP 422
/// <c>idempotency-key-reused</c>); nothing is appended. A true retry (same command, payload and caller) is not an error.
/// </summary>
[GenerateSerializer, Alias("callloop.idempotency-key-reused-exception")]
public sealed class IdempotencyKeyReusedException : PrivacyDomainException
{
    public IdempotencyKeyReusedException()
    {
    }

    public IdempotencyKeyReusedException(string subjectId)
        : base($"The idempotency key was already used for subject '{subjectId}' by another command, payload or caller; nothing was recorded. Use a new key for a new command.")
    {
        SubjectId = subjectId;
    }

    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    /// <summary>The rule code the HTTP layer reports alongside the 422.</summary>
    public static string Rule => "idempotency-key-reused";
}

namespace CallLoop.Domain;

/// <summary>
/// A registration that differs from the one on record (HTTP 409). An identical registration is
/// idempotent and raises nothing.
/// </summary>
[GenerateSerializer, Alias("callloop.subject-already-registered-exception")]
public sealed class SubjectAlreadyRegisteredException : PrivacyDomainException
{
    public SubjectAlreadyRegisteredException()
    {
    }

    public SubjectAlreadyRegisteredException(string subjectId)
        : base($"Subject '{subjectId}' is already registered with different details.")
    {
        SubjectId = subjectId;
    }

    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    /// <summary>The rule code the HTTP layer reports alongside the 409.</summary>
    public string Rule => "subject-already-registered";
}

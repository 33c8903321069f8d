namespace CallLoop.Domain;

/// <summary>The data subject has not been registered (HTTP 404).</summary>
[GenerateSerializer, Alias("callloop.subject-not-found-exception")]
public sealed class SubjectNotFoundException : PrivacyDomainException
{
    public SubjectNotFoundException()
    {
    }

    public SubjectNotFoundException(string subjectId)
        : base($"Subject '{subjectId}' is not registered.")
    {
        SubjectId = subjectId;
    }

    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;
}

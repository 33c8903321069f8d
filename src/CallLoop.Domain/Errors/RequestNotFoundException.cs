namespace CallLoop.Domain;

/// <summary>The rights request is unknown for this subject (HTTP 404).</summary>
[GenerateSerializer, Alias("callloop.request-not-found-exception")]
public sealed class RequestNotFoundException : PrivacyDomainException
{
    public RequestNotFoundException()
    {
    }

    public RequestNotFoundException(string subjectId, string requestId)
        : base($"Rights request '{requestId}' was not found for subject '{subjectId}'.")
    {
        SubjectId = subjectId;
        RequestId = requestId;
    }

    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    [Id(1)]
    public string RequestId { get; set; } = string.Empty;
}

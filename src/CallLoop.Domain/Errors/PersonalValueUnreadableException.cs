namespace CallLoop.Domain;

/// <summary>
/// A sealed personal value could not be opened with this subject's keys: it was sealed for another subject or
/// category, names a key this subject never had, or was altered. Carries ids only, never the value.
/// </summary>
[GenerateSerializer, Alias("callloop.personal-value-unreadable-exception")]
public sealed class PersonalValueUnreadableException : PrivacyDomainException
{
    public PersonalValueUnreadableException()
    {
    }

    public PersonalValueUnreadableException(string subjectId, string keyId)
        : base($"A personal value of subject '{subjectId}' sealed with key '{keyId}' cannot be opened with this subject's keys.")
    {
        SubjectId = subjectId;
        KeyId = keyId;
    }

    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    [Id(1)]
    public string KeyId { get; set; } = string.Empty;
}

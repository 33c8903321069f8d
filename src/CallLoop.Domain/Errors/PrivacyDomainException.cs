namespace CallLoop.Domain;

/// <summary>
/// Base of every error the privacy domain raises. Messages never carry personal data:
/// only field names, ids and rule codes, because they travel to logs and HTTP problem details.
/// </summary>
[GenerateSerializer, Alias("callloop.privacy-domain-exception")]
public abstract class PrivacyDomainException : Exception
{
    protected PrivacyDomainException()
    {
    }

    protected PrivacyDomainException(string message)
        : base(message)
    {
    }

    protected PrivacyDomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

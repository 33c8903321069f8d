namespace CallLoop.Domain;

/// <summary>The command itself is malformed (HTTP 400). <see cref="Field"/> names the offending input.</summary>
[GenerateSerializer, Alias("callloop.invalid-command-exception")]
public sealed class InvalidCommandException : PrivacyDomainException
{
    public InvalidCommandException()
    {
    }

    public InvalidCommandException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    [Id(0)]
    public string Field { get; set; } = string.Empty;
}

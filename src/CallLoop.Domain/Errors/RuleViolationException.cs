namespace CallLoop.Domain;

/// <summary>A well-formed command that a privacy rule forbids (HTTP 409). <see cref="Rule"/> is a stable kebab-case code.</summary>
[GenerateSerializer, Alias("callloop.rule-violation-exception")]
public sealed class RuleViolationException : PrivacyDomainException
{
    public RuleViolationException()
    {
    }

    public RuleViolationException(string rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    [Id(0)]
    public string Rule { get; set; } = string.Empty;
}

namespace CallLoop.Domain;

/// <summary>Someone acting for the consumer, with their written, signed permission.</summary>
[GenerateSerializer, Immutable, Alias("callloop.authorized-agent")]
public sealed record AuthorizedAgent
{
    [Id(0)]
    public string Name { get; init; } = string.Empty;

    [Id(1)]
    public string ProofOfAuthorization { get; init; } = string.Empty;
}

namespace CallLoop.Domain;

/// <summary>A registered processor as the propagation rule sees it: its registry name and the categories it receives.</summary>
[GenerateSerializer, Immutable, Alias("callloop.processor-target")]
public sealed record ProcessorTarget
{
    [Id(0)]
    public string Processor { get; init; } = string.Empty;

    [Id(1)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];
}

namespace CallLoop.Domain;

/// <summary>
/// One personal value found in an event or a state: the CCPA category it belongs to (whose data key protects it),
/// the field it sits in, and its text (plain or sealed, depending on where it was read).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-value")]
public sealed record PersonalValue
{
    public PersonalValue()
    {
    }

    public PersonalValue(PersonalInformationCategory category, string field, string value) =>
        (Category, Field, Value) = (category, field, value);

    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public string Field { get; init; } = string.Empty;

    [Id(2)]
    public string Value { get; init; } = string.Empty;
}

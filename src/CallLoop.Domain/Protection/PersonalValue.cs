namespace CallLoop.Domain;

/// <summary>
/// One personal value found in an event or a state: the CCPA category it belongs to (whose data key protects it),
/// the field it sits in, and its text (plain or sealed, depending on where it was read).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-value")]
public sealed record PersonalValue(
    [property: Id(0)] PersonalInformationCategory Category,
    [property: Id(1)] string Field,
    [property: Id(2)] string Value);

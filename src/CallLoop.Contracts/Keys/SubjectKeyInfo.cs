using CallLoop.Domain;

namespace CallLoop.Contracts.Keys;

/// <summary>What may be said about one data key: never the key itself.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-key-info")]
public sealed record SubjectKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] PersonalInformationCategory Category,
    [property: Id(2)] string? MasterKeyId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? DestroyedAt);

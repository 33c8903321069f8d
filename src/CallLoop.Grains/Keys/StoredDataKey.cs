using CallLoop.Domain;

namespace CallLoop.Grains.Keys;

/// <summary>One data key as stored: wrapped by a master key; after destruction only its id and dates remain.</summary>
[GenerateSerializer, Alias("callloop.stored-data-key")]
public sealed class StoredDataKey
{
    /// <summary>Category letter and generation, e.g. <c>A1</c>; a category gets a new generation after its key is destroyed.</summary>
    [Id(0)]
    public string KeyId { get; set; } = string.Empty;

    [Id(1)]
    public PersonalInformationCategory Category { get; set; }

    [Id(2)]
    public int Generation { get; set; }

    [Id(3)]
    public string? MasterKeyId { get; set; }

    [Id(4)]
    public byte[]? WrappedKey { get; set; }

    [Id(5)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(6)]
    public DateTimeOffset? DestroyedAt { get; set; }
}

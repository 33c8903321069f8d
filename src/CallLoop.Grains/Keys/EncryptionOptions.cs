namespace CallLoop.Grains.Keys;

/// <summary><c>CallLoop:Encryption</c>: master keys by id (base64, 32 bytes each) and the one new wraps use.</summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "CallLoop:Encryption";

    public Dictionary<string, string> MasterKeys { get; set; } = new(StringComparer.Ordinal);

    public string? CurrentMasterKeyId { get; set; }
}

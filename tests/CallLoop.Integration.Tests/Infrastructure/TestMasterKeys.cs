using CallLoop.Grains.Keys;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>Master keys of the test clusters: two, so a rotation can move from the first to the second.</summary>
public static class TestMasterKeys
{
    public const string FirstId = "test-1";
    public const string SecondId = "test-2";

    public static readonly string First = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("test-cluster-master-key-number-1"));
    public static readonly string Second = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("test-cluster-master-key-number-2"));

    public static void Configure(EncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MasterKeys[FirstId] = First;
        options.CurrentMasterKeyId ??= FirstId;
    }
}

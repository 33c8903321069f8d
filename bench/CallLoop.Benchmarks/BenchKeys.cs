using System.Security.Cryptography;

namespace CallLoop.Benchmarks;

/// <summary>Throwaway keys for one run, handed to a second silo process through its environment.</summary>
public sealed record BenchKeys(string PhoneIndexKey, string MasterKey)
{
    private const string PhoneVariable = "CALLLOOP_BENCH_PHONE_INDEX_KEY";
    private const string MasterVariable = "CALLLOOP_BENCH_MASTER_KEY";

    public static BenchKeys Create() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public static BenchKeys? FromEnvironment() =>
        Environment.GetEnvironmentVariable(PhoneVariable) is { } phone && Environment.GetEnvironmentVariable(MasterVariable) is { } master
            ? new BenchKeys(phone, master)
            : null;

    public void AddTo(IDictionary<string, string?> environment)
    {
        environment[PhoneVariable] = PhoneIndexKey;
        environment[MasterVariable] = MasterKey;
    }
}

using System.Globalization;
using CallLoop.Testing;

namespace CallLoop.Integration.Tests.Faults;

/// <summary>
/// The real silo host (the built CallLoop.Silo.dll, as the AppHost starts a replica) in Development, joining the
/// cluster of a database; <see cref="Kill"/> ends it as SIGKILL does: no shutdown, no word to the cluster.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly HostProcess host;

    private SiloProcess(HostProcess host) => this.host = host;

    public Uri Address => host.Address;

    public int ProcessId => host.ProcessId;

    public static async Task<SiloProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:calloopdb"] = connectionString,
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CallLoop:AdvertisedAddress"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new(await HostProcess.StartAsync("CallLoop.Silo", all, TimeSpan.FromSeconds(90)));
    }

    public void Kill() => host.Kill();

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

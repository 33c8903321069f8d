using CallLoop.Testing;

namespace CallLoop.Console.Tests.Infrastructure;

/// <summary>
/// The real console host (the built CallLoop.Console.dll, as `dotnet run` starts it) in Development, pointed at the
/// test silo through the same service-discovery setting the AppHost gives it.
/// </summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly HostProcess host;

    private ConsoleProcess(HostProcess host) => this.host = host;

    public Uri Address => host.Address;

    public string Output => host.Output;

    public static async Task<ConsoleProcess> StartAsync(Uri silo) =>
        new(await HostProcess.StartAsync(
            "CallLoop.Console",
            new Dictionary<string, string> { ["services:silo:http:0"] = silo.ToString().TrimEnd('/') },
            TimeSpan.FromSeconds(60)));

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

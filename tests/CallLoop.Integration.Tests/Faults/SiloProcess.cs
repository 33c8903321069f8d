using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallLoop.Testing;

namespace CallLoop.Integration.Tests.Faults;

/// <summary>
/// The real silo host (the built CallLoop.Silo.dll, as the AppHost starts a replica) in Development, joining the
/// cluster of a database; <see cref="Kill"/> ends it as SIGKILL does: no shutdown, no word to the cluster.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SiloProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "CallLoop.Silo");
        var dll = Path.Combine(project, "bin", BuildConfiguration, "net10.0", "CallLoop.Silo.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["ConnectionStrings__calloopdb"] = connectionString;
        info.Environment["Orleans__Endpoints__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Orleans__Endpoints__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["CallLoop__AdvertisedAddress"] = "127.0.0.1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var silo = new SiloProcess(Process.Start(info)!, address);
        silo.process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        silo.process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        await silo.WaitHealthyAsync();
        return silo;
    }

    public void Kill() => process.Kill(entireProcessTree: true);

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited ({process.ExitCode}):\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the silo did not answer /health within 90 s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallLoop.Testing;

/// <summary>
/// A built host of the solution (its dll under src/&lt;project&gt;/bin, as `dotnet run` starts it) running as a child
/// process in Development on a free local port, its output kept for failure messages. Started when its /health answers;
/// <see cref="Kill"/> ends it as SIGKILL does (no shutdown), disposing kills it if it still runs.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process id, e.g. to read its memory from /proc.</summary>
    public int ProcessId => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="project">The project folder under src/, e.g. CallLoop.Silo.</param>
    /// <param name="settings">Configuration keys (with ':' or '__') and values, given as environment variables.</param>
    /// <param name="healthyWithin">How long /health may take to answer before the start fails.</param>
    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string> settings, TimeSpan healthyWithin)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", project);
        var dll = Path.Combine(folder, "bin", BuildConfiguration, "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }

        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(Process.Start(info)!, address);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync(project, healthyWithin);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public void Kill() => process.Kill(entireProcessTree: true);

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private async Task WaitHealthyAsync(string project, TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{project} exited ({process.ExitCode}):\n{Output}");
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
                throw new TimeoutException($"{project} did not answer /health within {within.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(100);
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

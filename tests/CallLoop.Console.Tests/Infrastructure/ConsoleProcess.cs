using System.Diagnostics;
using System.Text;
using CallLoop.Testing;

namespace CallLoop.Console.Tests.Infrastructure;

/// <summary>
/// The real console host (the built CallLoop.Console.dll, as `dotnet run` starts it) in Development, pointed at the
/// test silo through the same service-discovery setting the AppHost gives it.
/// </summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ConsoleProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

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

    public static async Task<ConsoleProcess> StartAsync(Uri silo)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "CallLoop.Console");
        var dll = Path.Combine(project, "bin", BuildConfiguration, "net10.0", "CallLoop.Console.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }

        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["services__silo__http__0"] = silo.ToString().TrimEnd('/');
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var console = new ConsoleProcess(Process.Start(info)!, address);
        console.process.OutputDataReceived += (_, e) => console.Append(e.Data);
        console.process.ErrorDataReceived += (_, e) => console.Append(e.Data);
        console.process.BeginOutputReadLine();
        console.process.BeginErrorReadLine();
        await console.WaitHealthyAsync();
        return console;
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the console exited ({process.ExitCode}):\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("health", timeout.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"the console did not answer /health within 60 s:\n{Output}");
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

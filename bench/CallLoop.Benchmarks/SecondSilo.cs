using System.Diagnostics;
using CallLoop.EventStore.Appending;

namespace CallLoop.Benchmarks;

/// <summary>
/// A second silo in a process of its own (this program run with <c>--second-silo</c>), joining the benchmark's first
/// silo as production's replicas join each other: it takes half of the daemon's shards and its share of the grains.
/// It stops when its standard input closes.
/// </summary>
public sealed class SecondSilo(Process process) : IAsyncDisposable
{
    public const string Argument = "--second-silo";

    private const string ConnectionVariable = "CALLLOOP_BENCH_CONNECTION";
    private const string Ready = "second silo ready";

    public static async Task<SecondSilo> StartAsync(string connectionString, string streams)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run through the dotnet host (dotnet run) or as the program's own executable.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SecondSilo).Assembly.Location);
        }

        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(streams);
        start.Environment[ConnectionVariable] = connectionString;
        BenchSilo.Keys.AddTo(start.Environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The second silo did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == Ready)
            {
                _ = ForwardAsync(process.StandardOutput);
                return new SecondSilo(process);
            }

            await Console.Error.WriteLineAsync($"[second silo] {line}");
        }

        throw new InvalidOperationException($"The second silo exited ({process.ExitCode}) before it was ready.");
    }

    /// <summary>Keeps reading the child's output (its warnings), so that a full pipe never blocks it.</summary>
    private static async Task ForwardAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            await Console.Error.WriteLineAsync($"[second silo] {line}");
        }
    }

    /// <summary>The child's side: joins the cluster, says so, and runs until its standard input closes.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var streams = args[Array.IndexOf(args, Argument) + 1];
        BenchSilo.Keys = BenchKeys.FromEnvironment() ?? throw new InvalidOperationException("The second silo needs the run's keys.");
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable) ?? throw new InvalidOperationException("The second silo needs the connection string.");
        await using var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased, SiloWork.Production, streams, instance: 1);
        Console.WriteLine(Ready);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}

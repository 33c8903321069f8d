using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Testing;
using Npgsql;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// A test host that is killed never runs its exit handler; the PostgreSQL it started must stop anyway
/// (scripts/postgres-local.sh start ... --watch pid).
/// </summary>
public sealed class TestPostgresWatchdogTests
{
    [Fact]
    public async Task Given_a_server_watching_its_starter_When_the_starter_is_killed_Then_the_server_stops()
    {
        using var starter = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var port = FreePorts.Next();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "callloop-tests", $"watchdog-{Guid.NewGuid():N}");
        try
        {
            await RunScriptAsync("start", dataDirectory, port, "--watch", starter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await AnswersAsync(port), "the server did not start");

            starter.Kill();
            await starter.WaitForExitAsync();

            await Eventually.ReturnsAsync(() => AnswersAsync(port), answers => !answers, TimeSpan.FromSeconds(60), "the watchdog to stop the server");
            await Eventually.ReturnsAsync(() => Task.FromResult(File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))), running => !running, TimeSpan.FromSeconds(60), "the server to finish its shutdown");
        }
        finally
        {
            await RunScriptAsync("stop", dataDirectory, port);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Given_a_watch_on_a_process_already_gone_Then_the_script_fails_and_leaves_no_server()
    {
        var port = FreePorts.Next();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "callloop-tests", $"watchdog-{Guid.NewGuid():N}");
        try
        {
            var exitCode = await RunScriptAsync("start", dataDirectory, port, expectSuccess: false, "--watch", "999999999");

            Assert.Equal(2, exitCode);
            Assert.False(await AnswersAsync(port), "a server was left for a process that is gone");
        }
        finally
        {
            await RunScriptAsync("stop", dataDirectory, port);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Task<int> RunScriptAsync(string verb, string dataDirectory, int port, params string[] options) =>
        RunScriptAsync(verb, dataDirectory, port, expectSuccess: true, options);

    private static async Task<int> RunScriptAsync(string verb, string dataDirectory, int port, bool expectSuccess, params string[] options)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(RepositoryRoot.Path, "scripts", "postgres-local.sh"), verb, dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. options])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(!expectSuccess || process.ExitCode == 0, $"postgres-local.sh {verb} failed: {output}");
        return process.ExitCode;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false, Timeout = 3 }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}

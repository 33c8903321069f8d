using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CallLoop.Testing;

/// <summary>
/// One PostgreSQL server per test process: the one named by CALLLOOP_TEST_POSTGRES, or a private
/// cluster started through scripts/postgres-local.sh and stopped when the process exits, or, if the process is killed,
/// by the script's watchdog once the process is gone.
/// Each test collection asks for its own database, so collections never see each other's data.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "CALLLOOP_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string adminConnectionString, string? dataDirectory)
    {
        AdminConnectionString = adminConnectionString;
        DataDirectory = dataDirectory;
    }

    public static PostgresServer Instance => Shared.Value;

    public string AdminConnectionString { get; }

    /// <summary>The private cluster's data folder, or null when an external server is used.</summary>
    public string? DataDirectory { get; }

    public int Port => new NpgsqlConnectionStringBuilder(AdminConnectionString).Port;

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{Sanitize(prefix)}_{Guid.NewGuid():N}"[..Math.Min(60, Sanitize(prefix).Length + 33)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // The admin connection string does not pool (it creates databases now and then); a test database's does, as
        // every deployment's does: without a pool each query forks a PostgreSQL backend, and the forks alone took
        // more CPU than the test host.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 40,

            // Many databases live side by side in one server of 400 connections: idle ones close soon.
            ConnectionIdleLifetime = 5,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    /// <summary>Runs the repository's script against the private cluster (e.g. "stop" or "start" for fault tests).</summary>
    public void RunScript(string verb)
    {
        if (DataDirectory is null)
        {
            throw new InvalidOperationException("An external PostgreSQL server cannot be controlled by the tests.");
        }

        Script(verb, DataDirectory, Port);
    }

    /// <summary>
    /// A private server of its own, apart from the shared one, for tests that stop and start PostgreSQL
    /// (fault tests) without disturbing the other collections. Always local, even when CALLLOOP_TEST_POSTGRES is set.
    /// </summary>
    public static PostgresServer StartDedicated() => StartPrivate();

    private static PostgresServer Start()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(external) ? StartPrivate() : new PostgresServer(external, null);
    }

    private static readonly Lazy<bool> StaleClustersSwept = new(SweepStaleClusters, LazyThreadSafetyMode.ExecutionAndPublication);

    private static PostgresServer StartPrivate()
    {
        _ = StaleClustersSwept.Value;
        var port = FreePorts.Next();
        var dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "callloop-tests", $"pg-{Environment.ProcessId}-{port}");
        Script("start", dataDirectory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Script("stop", dataDirectory, port);
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (Exception)
            {
                // best effort: the process is ending anyway
            }
        };

        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        };
        return new PostgresServer(admin.ConnectionString, dataDirectory);
    }

    /// <summary>
    /// Stops and removes clusters left by test processes that died before their exit handler ran
    /// (a killed test host), so repeated local runs do not pile up servers.
    /// </summary>
    private static bool SweepStaleClusters()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "callloop-tests");
        if (!Directory.Exists(root))
        {
            return true;
        }

        foreach (var directory in Directory.GetDirectories(root, "pg-*-*"))
        {
            var parts = System.IO.Path.GetFileName(directory).Split('-');
            if (parts.Length != 3 || !int.TryParse(parts[1], out var owner) || !int.TryParse(parts[2], out var port) || IsAlive(owner))
            {
                continue;
            }

            try
            {
                Script("stop", directory, port);
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception)
            {
                // best effort: another process may be sweeping the same folder
            }
        }

        return true;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The whole database as <c>pg_dump</c> writes it (schema and every row, as plain SQL), with the pg_dump beside
    /// the server binaries the private cluster uses.
    /// </summary>
    public async Task<string> DumpAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.ArgumentList.Add(System.IO.Path.Combine(RepositoryRoot.Path, "scripts", "postgres-local.sh"));
        info.ArgumentList.Add("dump");
        info.ArgumentList.Add(DataDirectory ?? System.IO.Path.GetTempPath());
        info.ArgumentList.Add(target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString)));
        info.Environment["PGHOST"] = target.Host;
        info.Environment["PGUSER"] = target.Username;
        if (!string.IsNullOrEmpty(target.Password))
        {
            info.Environment["PGPASSWORD"] = target.Password;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static void Script(string verb, string dataDirectory, int port)
    {
        var script = System.IO.Path.Combine(RepositoryRoot.Path, "scripts", "postgres-local.sh");
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(dataDirectory);
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (verb == "start")
        {
            // The exit handler does not run when the test host is killed (or ended by the runner before it finishes):
            // the script's watchdog then stops the server once this process is gone.
            info.ArgumentList.Add("--watch");
            info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"postgres-local.sh {verb} did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres-local.sh {verb} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static string Sanitize(string prefix) =>
        new(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(24).ToArray());
}

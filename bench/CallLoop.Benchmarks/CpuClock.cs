using System.Globalization;
using Npgsql;

namespace CallLoop.Benchmarks;

/// <summary>
/// CPU time spent by this process (silo, client and load generator) and by the benchmark's own PostgreSQL server
/// (its postmaster, the live backends and the children it has reaped), read from <c>/proc</c>. Rates on a shared
/// machine move with the other jobs' load; CPU seconds per event move much less, so A/B decisions read these.
/// </summary>
public sealed record CpuClock(TimeSpan Process, TimeSpan Postgres)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static async Task<CpuClock> ReadAsync(NpgsqlDataSource dataSource)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        return new CpuClock(process, await PostgresAsync(dataSource));
    }

    public static CpuClock operator -(CpuClock after, CpuClock before) =>
        new(after.Process - before.Process, after.Postgres - before.Postgres);

    /// <summary>"CPU per 1,000 events: process 12.3 ms, PostgreSQL 4.5 ms".</summary>
    public string PerThousand(long events) => events <= 0 ? "no events" :
        string.Create(CultureInfo.InvariantCulture, $"CPU per 1,000 events: process {Process.TotalMilliseconds * 1000 / events:N0} ms, PostgreSQL {Postgres.TotalMilliseconds * 1000 / events:N0} ms");

    private static async Task<TimeSpan> PostgresAsync(NpgsqlDataSource dataSource)
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        await using var command = dataSource.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var postmaster = Stat(backend) is { } stat ? stat.Parent : 0;
        if (postmaster == 0 || Stat(postmaster) is not { } main)
        {
            return TimeSpan.Zero;
        }

        var ticks = main.Own + main.Reaped;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.Own;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Fields 4 (parent), 14+15 (own user and system time), 16+17 (reaped children's), after the command name.</summary>
    private static (int Parent, long Own, long Reaped)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

namespace Microsoft.Extensions.Hosting;

/// <summary>Meters and activity sources exported by every service (Orleans, Npgsql, Marten and our own).</summary>
public static class TelemetrySources
{
    public static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        "Npgsql",
        "Marten",
        "CallLoop.Actors",
    ];

    // Orleans' runtime source traces every system call (stream queue polling, timers, directory),
    // which drowns the application's own grain calls on the dashboard; only the application source is kept.
    public static readonly string[] ActivitySources =
    [
        "Microsoft.Orleans.Application",
        "Npgsql",
        "Marten",
        "CallLoop.Actors",
    ];
}

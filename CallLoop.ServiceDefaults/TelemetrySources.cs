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

    public static readonly string[] ActivitySources =
    [
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Npgsql",
        "Marten",
        "CallLoop.Actors",
    ];
}

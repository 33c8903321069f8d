using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Libraries that log every SQL command, HTTP request or poll at Information (Npgsql alone wrote half a megabyte a
/// minute under light use). They start at Warning in every environment; a setting such as
/// <c>Logging:LogLevel:Npgsql=Information</c> (appsettings, environment, command line) still turns one back up.
/// </summary>
public static class ChattyLogCategories
{
    public static readonly IReadOnlyList<string> Names =
    [
        "Npgsql",
        "Marten",
        "JasperFx",
        "Orleans",
        "Microsoft.Orleans",
        "Microsoft.AspNetCore",
        "System.Net.Http.HttpClient",
        "Polly",
    ];

    public const string DefaultLevel = "Warning";

    /// <summary>Adds the defaults as the first configuration source, so every other source overrides them.</summary>
    public static TBuilder QuietChattyLogCategories<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var defaults = Names.ToDictionary(name => $"Logging:LogLevel:{name}", _ => (string?)DefaultLevel);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }
}

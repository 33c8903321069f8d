using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CallLoop.Domain;

/// <summary>
/// The one JSON shape for domain types, shared by the HTTP API and the Marten event store:
/// camelCase, enums as their kebab-case wire names (never numbers), ISO-8601 dates.
/// </summary>
public static class DomainJson
{
    /// <summary>Read-only options; use <see cref="Configure"/> to apply the same settings to options you own.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}

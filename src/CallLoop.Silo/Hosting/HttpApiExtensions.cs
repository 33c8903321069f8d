using System.Text.Json;
using CallLoop.Domain;

namespace CallLoop.Silo.Hosting;

public static class HttpApiExtensions
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddCallLoopHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<CallLoop.Silo.Problems.PrivacyProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => CopyDomainJson(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseCallLoopHttpApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static void CopyDomainJson(JsonSerializerOptions target)
    {
        var source = DomainJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        target.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        foreach (var converter in source.Converters)
        {
            target.Converters.Add(converter);
        }
    }
}

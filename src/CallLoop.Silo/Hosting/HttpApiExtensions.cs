using System.Text.Json;
using System.Text.Json.Serialization;
using CallLoop.Domain;
using CallLoop.Silo.Failover;
using CallLoop.Silo.Http;
using Scalar.AspNetCore;

namespace CallLoop.Silo.Hosting;

public static class HttpApiExtensions
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddCallLoopHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<CallLoop.Silo.Problems.PrivacyProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            CopyDomainJson(o.SerializerOptions);
            o.SerializerOptions.Converters.Add(new UtcTimeJsonConverter());
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        // Malformed bodies then reach the exception handler, which names the field, in every environment
        // (by default only Development throws; elsewhere a bare 400 would be sent).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.Configure<FailoverOptions>(builder.Configuration.GetSection(FailoverOptions.Section));
        return builder;
    }

    public static WebApplication UseCallLoopHttpApi(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        return app;
    }

    /// <summary>The OpenAPI document everywhere; in Development also an API reference to try it (/scalar).</summary>
    public static WebApplication MapApiDescription(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

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

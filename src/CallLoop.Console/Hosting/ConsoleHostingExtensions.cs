using CallLoop.Console.Api;
using CallLoop.Console.Components;
using CallLoop.Console.Reports;
using CallLoop.Console.SignIn;
using MudBlazor.Services;

namespace CallLoop.Console.Hosting;

public static class ConsoleHostingExtensions
{
    /// <summary>The silo's HTTP endpoint by its Aspire resource name, resolved by service discovery.</summary>
    public const string SiloAddress = "https+http://silo";

    public static WebApplicationBuilder AddCallLoopConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.AddConsoleSignIn();
        builder.Services.AddScoped<ApiCaller>();
        builder.Services.AddHttpClient<SiloApi>(http => http.BaseAddress = new Uri(builder.Configuration["CallLoop:Console:SiloAddress"] ?? SiloAddress));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseCallLoopConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCallLoopConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapConsoleSignIn();
        app.MapReportDownloads();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization();
        return app;
    }
}

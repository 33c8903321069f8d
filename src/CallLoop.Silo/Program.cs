using CallLoop.Silo.Hosting;
using CallLoop.Silo.Reports;
using CallLoop.Silo.Security;
using CallLoop.Silo.Seeding;

var builder = WebApplication.CreateBuilder(args);
if (TokenIssuer.TryRunCommand(args, builder.Configuration, builder.Environment, Console.Out))
{
    return;
}

if (SeedCommand.IsRequested(args))
{
    var seeded = await SeedCommand.RunAsync(
        new HostApplicationBuilderSettings
        {
            Args = args,
            EnvironmentName = builder.Environment.EnvironmentName,
            ApplicationName = builder.Environment.ApplicationName,
            ContentRootPath = builder.Environment.ContentRootPath,
        },
        CancellationToken.None);
    Environment.ExitCode = seeded.Failed == 0 ? 0 : 1;
    return;
}

builder.AddServiceDefaults();
builder.AddCallLoopSilo();
builder.AddCallLoopHttpApi();
builder.AddCallLoopSecurity();
builder.AddCallLoopReports();

var app = builder.Build();

app.UseCallLoopHttpApi();
app.UseCallLoopSecurity();
app.MapDefaultEndpoints();
app.MapApiDescription();
app.MapPrivacyApi();
app.MapReportsApi();

app.Run();

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;

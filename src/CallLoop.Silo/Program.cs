using CallLoop.Silo.Hosting;
using CallLoop.Silo.Reports;
using CallLoop.Silo.Security;
using CallLoop.Silo.Seeding;

var builder = WebApplication.CreateBuilder(args);
if (TokenIssuer.TryRunCommand(args, builder.Configuration, builder.Environment, Console.Out))
{
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
app.MapOpenApi();
app.MapPrivacyApi();
app.MapReportsApi();

if (await app.RunSeedCommandAsync(args))
{
    return;
}

app.Run();

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;

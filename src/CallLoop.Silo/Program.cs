using CallLoop.Silo.Hosting;
using CallLoop.Silo.Reports;
using CallLoop.Silo.Seeding;
using CallLoop.Silo.Subjects;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCallLoopSilo();
builder.AddCallLoopHttpApi();
builder.AddCallLoopReports();

var app = builder.Build();

app.UseCallLoopHttpApi();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSubjectsApi();
app.MapReportsApi();

if (await app.RunSeedCommandAsync(args))
{
    return;
}

app.Run();

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;

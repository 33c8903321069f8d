using CallLoop.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCallLoopSilo();
builder.AddCallLoopHttpApi();

var app = builder.Build();

app.UseCallLoopHttpApi();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapPrivacyApi();

app.Run();

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;

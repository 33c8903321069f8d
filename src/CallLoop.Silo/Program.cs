using CallLoop.Silo.Hosting;
using CallLoop.Silo.Security;

var builder = WebApplication.CreateBuilder(args);
if (TokenIssuer.TryRunCommand(args, builder.Configuration, builder.Environment, Console.Out))
{
    return;
}

builder.AddServiceDefaults();
builder.AddCallLoopSilo();
builder.AddCallLoopHttpApi();
builder.AddCallLoopSecurity();

var app = builder.Build();

app.UseCallLoopHttpApi();
app.UseCallLoopSecurity();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapPrivacyApi();

app.Run();

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;

using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Propagation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallLoop.Integration.Tests.Sms;

/// <summary>The silo over HTTP with its log lines captured and a known HELP text.</summary>
public sealed class SmsSiloFactory : SiloApplicationFactory
{
    public const string HelpText = "Call Loop test alerts. Help: help@example.com. Msg & data rates may apply. Reply STOP to cancel.";

    public CapturedLogs Logs { get; } = new();

    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync("sms");

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("CallLoop:Sms:HelpText", HelpText);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

[CollectionDefinition(Name)]
public sealed class SmsCollection : ICollectionFixture<SmsSiloFactory>
{
    public const string Name = "text messages over http";
}

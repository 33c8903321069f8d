using CallLoop.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>SQL commands, HTTP requests and Orleans' chatter stay out of the log unless someone turns them up.</summary>
public sealed class ChattyLogLevelTests
{
    private static readonly string[] ChattyLoggers =
    [
        "Npgsql.Command",
        "Npgsql.Connection",
        "Marten",
        "JasperFx.Events.Daemon",
        "Orleans.Runtime.Silo",
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "System.Net.Http.HttpClient.Default.LogicalHandler",
        "Polly",
    ];

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Development")]
    public void Given_service_defaults_in_any_environment_When_a_chatty_library_logs_Then_only_warnings_pass(string environment)
    {
        using var host = BuildHost(environment);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        foreach (var name in ChattyLoggers)
        {
            var logger = loggers.CreateLogger(name);
            Assert.False(logger.IsEnabled(LogLevel.Information), $"{name} logs Information in {environment}");
            Assert.True(logger.IsEnabled(LogLevel.Warning), $"{name} hides warnings in {environment}");
        }

        Assert.True(loggers.CreateLogger("CallLoop.Grains").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Given_a_setting_for_a_chatty_category_When_the_host_starts_Then_the_setting_wins_over_the_default()
    {
        using var host = BuildHost("Production", ("Logging:LogLevel:Npgsql", "Information"));
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Npgsql.Command").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Marten").IsEnabled(LogLevel.Information));
    }

    private static IHost BuildHost(string environment, params (string Key, string Value)[] settings)
    {
        var contentRoot = Directory.CreateTempSubdirectory("callloop-logging-");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                EnvironmentName = environment,
                ContentRootPath = contentRoot.FullName,
                Args = [],
            });
            builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
            builder.AddServiceDefaults();
            return builder.Build();
        }
        finally
        {
            contentRoot.Delete(recursive: true);
        }
    }
}

/// <summary>The silo as configured by its own appsettings.json: SQL commands are not logged.</summary>
[Collection(SiloCollection.Name)]
public sealed class SiloLogLevelTests(SiloApplicationFactory factory)
{
    [Theory]
    [InlineData("Npgsql.Command")]
    [InlineData("Marten")]
    [InlineData("Orleans.Runtime.Silo")]
    [InlineData("System.Net.Http.HttpClient.Default.LogicalHandler")]
    public void Given_the_running_silo_When_a_chatty_library_logs_Information_Then_it_is_dropped(string name)
    {
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(name);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}

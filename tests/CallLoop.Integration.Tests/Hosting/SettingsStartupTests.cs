using Microsoft.Extensions.Options;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// Settings with a range are checked when the silo starts, not when they are first used: the deadline settings the
/// subject's decider takes as its policy (before the first request or appeal meets them), and how often the daemon
/// looks for new events (before a daemon that polls the database without pause, or falls minutes behind).
/// </summary>
public sealed class SettingsStartupTests
{
    [Theory]
    [InlineData("CallLoop:Deadlines", "BusinessTimeZone", "Mars/Olympus")]
    [InlineData("CallLoop:Deadlines", "ReopenedDueDays", "0")]
    [InlineData("CallLoop:Deadlines", "ReopenedDueDays", "366")]
    [InlineData("CallLoop:Daemon", "PollPeriod", "00:00:00.001")]
    [InlineData("CallLoop:Daemon", "PollPeriod", "00:00:30")]
    public void Given_a_setting_out_of_range_When_the_host_starts_Then_it_fails_naming_the_section_and_setting(string section, string setting, string value)
    {
        using var factory = new ProductionSiloFactory($"{section}:{setting}", value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains(section, validation.Message, StringComparison.Ordinal);
        Assert.Contains(setting, validation.Message, StringComparison.Ordinal);
    }
}

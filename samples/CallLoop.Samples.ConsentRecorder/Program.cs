using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallLoop.Samples.ConsentRecorder;

/// <summary>
/// Records one consent and one SMS STOP for a generated subject, then exits: 0 when both were committed.
/// Named so that it does not clash with the silo's <c>Program</c> in tests that reference both.
/// </summary>
internal static class ConsentRecorderProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddServiceDefaults();
        builder.AddConsentRecorder();

        using var host = builder.Build();
        await host.StartAsync();
        var outcome = await host.Services.GetRequiredService<ConsentRecorder>().RecordAsync(CancellationToken.None);
        await host.StopAsync();
        return outcome.Recorded ? 0 : 1;
    }
}

using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Samples.ConsentRecorder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CallLoop.Integration.Tests.Samples;

/// <summary>The sample client against a real silo host (ADO.NET clustering on its database), found through the gateway list.</summary>
[Collection(SiloCollection.Name)]
public sealed class ConsentRecorderSampleTests(SiloApplicationFactory silo)
{
    [Fact]
    public async Task Given_a_running_silo_When_the_sample_runs_Then_its_consent_and_sms_stop_are_in_the_subjects_stream()
    {
        _ = silo.Server; // starts the silo, which joins the membership table and lists its gateway

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ConsentRecorderHosting.DatabaseConnectionName}"] = silo.ConnectionString,
            ["Orleans:ClusterId"] = "http-tests",
            ["Orleans:ServiceId"] = "http-tests",
        });
        builder.AddConsentRecorder();
        using var host = builder.Build();
        await host.StartAsync();

        var outcome = await host.Services.GetRequiredService<ConsentRecorder>().RecordAsync(CancellationToken.None);
        await host.StopAsync();

        Assert.True(outcome.Recorded);
        Assert.StartsWith("sample-", outcome.SubjectId, StringComparison.Ordinal);
        var types = await StreamTypesAsync(outcome.SubjectId);
        Assert.Equal(outcome.Version, types.Count);
        Assert.Equal(["subject_registered", "consent_granted"], types.Take(2));
        Assert.Contains("opted_out", types.Skip(2));
    }

    private async Task<List<string>> StreamTypesAsync(string subjectId)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type FROM privacy.mt_events WHERE stream_id = $1 ORDER BY version", connection);
        command.Parameters.AddWithValue(subjectId);
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }
}

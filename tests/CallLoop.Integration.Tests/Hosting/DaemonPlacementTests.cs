using System.Net;
using System.Text.Json;
using CallLoop.Grains.Propagation;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// <c>CallLoop:Daemon:Enabled=false</c> keeps a replica's cores for commands: it runs no projection, yet it answers a
/// subject's reads at once (they come from the subject's grain), while a replica that keeps the daemon projects.
/// </summary>
public sealed class DaemonPlacementTests
{
    [Fact]
    public async Task Given_a_replica_without_the_daemon_When_another_replica_runs_it_Then_the_first_answers_subject_reads_at_once_and_the_second_projects()
    {
        await using var commands = new Replica(daemon: false, connectionString: null);
        await ((IAsyncLifetime)commands).InitializeAsync();
        var client = commands.CreateClient();
        var subjectId = $"placement-{Guid.NewGuid():N}";

        var registered = await client.PutAsync($"/api/subjects/{subjectId}", JsonContent("""{"jurisdiction":"VA"}"""));

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        // The grains publication drives may activate here too: their settings and sender are registered without the daemon.
        Assert.True(commands.Services.GetRequiredService<IOptions<PropagationOptions>>().Value.DeleteRequiresAcknowledgements);
        Assert.NotNull(commands.Services.GetRequiredService<WebhookSender>());

        // No daemon anywhere, yet the access report is current: it is computed from the subject's grain.
        var report = await client.GetAsync($"/api/subjects/{subjectId}/access-report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using (var json = JsonDocument.Parse(await report.Content.ReadAsStringAsync()))
        {
            Assert.Equal("VA", json.RootElement.GetProperty("jurisdiction").GetString());
        }

        Assert.Null(await ProjectedUpToAsync(commands.ConnectionString));

        await using var projections = new Replica(daemon: true, connectionString: commands.ConnectionString);
        await ((IAsyncLifetime)projections).InitializeAsync();
        _ = projections.CreateClient();

        // Only the replica that keeps the daemon projects the subject's registration.
        var projected = await Publication.Eventually.ReturnsAsync(
            () => ProjectedUpToAsync(commands.ConnectionString), p => p >= 1, TimeSpan.FromSeconds(60), "the request records projection to run");
        Assert.True(projected >= 1);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>How far the request records projection has read the event log; null when no daemon ever ran it.</summary>
    private static async Task<long?> ProjectedUpToAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select last_seq_id from privacy.mt_event_progression where name = 'request-records:All'", connection);
        try
        {
            return (long?)await command.ExecuteScalarAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>One silo replica of a two-replica cluster on one database.</summary>
    private sealed class Replica(bool daemon, string? connectionString) : SiloApplicationFactory
    {
        protected override Task<string> CreateDatabaseAsync() =>
            connectionString is null ? TestDatabases.CreateAsync("placement") : Task.FromResult(connectionString);

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting(SiloHostingExtensions.DaemonEnabledKey, daemon ? "true" : "false");
            builder.UseSetting($"{PropagationOptions.Section}:{nameof(PropagationOptions.DeleteRequiresAcknowledgements)}", "true");
        }
    }
}

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
/// <c>CallLoop:Daemon:Enabled=false</c> keeps a replica's cores for commands: it runs no projection, yet its reads are
/// answered once a replica that keeps the daemon has projected the subject.
/// </summary>
public sealed class DaemonPlacementTests
{
    [Fact]
    public async Task Given_a_replica_without_the_daemon_When_another_replica_runs_it_Then_the_first_serves_reads_projected_by_the_second()
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

        // Alone, nothing projects the subject: the read waits its while, then asks to be retried.
        var alone = await client.GetAsync($"/api/subjects/{subjectId}/access-report");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, alone.StatusCode);
        Assert.NotNull(alone.Headers.RetryAfter);
        Assert.Null(await ProjectedUpToAsync(commands.ConnectionString));

        await using var projections = new Replica(daemon: true, connectionString: commands.ConnectionString);
        await ((IAsyncLifetime)projections).InitializeAsync();
        _ = projections.CreateClient();

        // Read through the replica without the daemon: it waits for the subject's version, which only the other projects.
        var report = await client.GetAsync($"/api/subjects/{subjectId}/access-report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var json = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        Assert.Equal("VA", json.RootElement.GetProperty("jurisdiction").GetString());
        Assert.True(await ProjectedUpToAsync(commands.ConnectionString) >= 1);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>How far the subject access profile projection has read the event log; null when no daemon ever ran it.</summary>
    private static async Task<long?> ProjectedUpToAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select last_seq_id from privacy.mt_event_progression where name = 'subject-access-profile:All'", connection);
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

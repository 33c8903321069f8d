using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;

namespace CallLoop.Integration.Tests.Seeding;

/// <summary>The seed command beside a running silo: a client of its cluster, never a second server.</summary>
[Collection(SiloCollection.Name)]
public sealed class SeedClientTests
{
    private readonly SiloApplicationFactory silo;

    public SeedClientTests(SiloApplicationFactory silo)
    {
        this.silo = silo;
        _ = silo.Services; // the silo is up (and in the membership table) before a seed joins its cluster
    }

    // A range holding demo-00101, whose rights request the privacy rules refuse (a right its state does not offer):
    // the seed used to go on with that request's next steps and die of RequestNotFoundException.
    private const int First = 95;
    private const int Subjects = 12;

    [Fact]
    public void Given_the_seed_command_When_its_host_is_built_Then_it_is_a_client_with_no_http_server_and_no_silo()
    {
        using var client = SeedCommand.BuildClient(Settings());

        Assert.Null(client.Services.GetService<IServer>());
        Assert.Null(client.Services.GetService<ILocalSiloDetails>());
        Assert.NotNull(client.Services.GetService<IClusterClient>());
    }

    [Fact]
    public async Task Given_a_running_cluster_When_seeded_twice_Then_refused_steps_are_skipped_nothing_fails_and_the_second_run_adds_nothing()
    {
        using var timeout = new CancellationTokenSource(Patience.Long);

        var first = await SeedCommand.RunAsync(Settings("--first", $"{First}", "--subjects", $"{Subjects}"), timeout.Token);
        var again = await SeedCommand.RunAsync(Settings("--first", $"{First}", "--subjects", $"{Subjects}"), timeout.Token);

        Assert.Equal(new SeedOutcome(Subjects, 0, 0, first.Refused), first);
        Assert.True(first.Refused > 0, "the range was chosen to contain refused steps");
        Assert.Equal(new SeedOutcome(0, Subjects, 0, 0), again);
    }

    [Fact]
    public async Task Given_seeded_demo_data_Then_every_disclosure_goes_to_a_service_provider_for_a_business_purpose()
    {
        using var timeout = new CancellationTokenSource(Patience.Long);
        await SeedCommand.RunAsync(Settings("--first", "3001", "--subjects", "40"), timeout.Token);

        var disclosures = await DisclosuresAsync("demo-03%");

        Assert.True(disclosures.Count > 10, $"only {disclosures.Count} disclosures seeded");
        Assert.All(disclosures, d => Assert.Equal(("service-provider", "business-purpose"), d));
    }

    private HostApplicationBuilderSettings Settings(params string[] options) => new()
    {
        EnvironmentName = "Development",
        Args =
        [
            "seed",
            .. options,
            $"--ConnectionStrings:calloopdb={silo.ConnectionString}",
            "--Orleans:ClusterId=http-tests",
            "--Orleans:ServiceId=http-tests",
        ],
    };

    private async Task<List<(string? RecipientType, string? Purpose)>> DisclosuresAsync(string subjects)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data FROM privacy.mt_events WHERE type = 'personal_information_disclosed' AND stream_id LIKE @subjects", connection);
        command.Parameters.AddWithValue("subjects", subjects);
        var found = new List<(string?, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var data = JsonDocument.Parse(reader.GetString(0));
            found.Add((data.RootElement.GetProperty("recipientType").GetString(), data.RootElement.GetProperty("purpose").GetString()));
        }

        return found;
    }
}

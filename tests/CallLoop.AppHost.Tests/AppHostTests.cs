using CallLoop.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CallLoop.Silo.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CallLoop.AppHost.Tests;

public sealed class AppHostTests
{
    [Fact]
    public async Task AppHost_starts_local_postgres_and_two_silos_and_the_console_and_a_subject_round_trips_through_a_grain_and_Marten_and_the_sample_client_succeeds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var dataDirectory = Path.Combine(Path.GetTempPath(), "callloop-tests", $"apphost-{Guid.NewGuid():N}");
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CallLoop_AppHost>(
            [
                "--CallLoop:Postgres=Local",
                $"--CallLoop:LocalPostgresPort={FreePorts.Next()}",
                $"--CallLoop:LocalPostgresDataDirectory={dataDirectory}",
                "--CallLoop:SeedSubjects=20",
            ],
            timeout.Token);

        await using var app = await appHost.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("silo", timeout.Token);

        using var client = app.CreateHttpClient("silo");
        var key = new SymmetricSecurityKey(Convert.FromBase64String(AuthenticationSettings.DevelopmentSigningKey));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            TokenIssuer.Issue(key, "apphost-test", [Roles.Service, Roles.PrivacyOfficer], TimeSpan.FromMinutes(10)));
        var subjectId = $"apphost-{Guid.NewGuid():N}";
        var put = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" }, timeout.Token);
        Assert.True(put.IsSuccessStatusCode, $"PUT answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync(timeout.Token)}");

        var get = await client.GetAsync($"/api/subjects/{subjectId}", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var profile = JsonDocument.Parse(await get.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(subjectId, profile.RootElement.GetProperty("subjectId").GetString());
        Assert.Equal("CA", profile.RootElement.GetProperty("jurisdiction").GetString());

        // The console runs as its own resource, found by service discovery, and offers the local sign-in.
        await app.ResourceNotifications.WaitForResourceHealthyAsync("console", timeout.Token);
        using var console = app.CreateHttpClient("console");
        var signIn = await console.GetAsync("/signin", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Sign in as privacy-officer", await signIn.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);

        // The sample Orleans client joined through the gateway list, recorded its consent and STOP, and exited 0.
        var recorder = await app.ResourceNotifications.WaitForResourceAsync(
            "consent-recorder",
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text),
            timeout.Token);
        Assert.Equal(0, recorder.Snapshot.ExitCode);

        // The demo seed waits for the dashboard's Start, then joins the running cluster as a client (it binds no
        // HTTP port beside the silos), loads its subjects and exits 0.
        var seed = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "seed");
        Assert.Equal(KnownResourceStates.NotStarted, (await app.ResourceNotifications.WaitForResourceAsync("seed", e => e.Snapshot.State?.Text is not null, timeout.Token)).Snapshot.State?.Text);
        var started = await app.ResourceCommands.ExecuteCommandAsync(seed, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        var seeded = await app.ResourceNotifications.WaitForResourceAsync(
            "seed",
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished || e.Snapshot.State?.Text == KnownResourceStates.Exited || e.Snapshot.State?.Text == KnownResourceStates.FailedToStart,
            timeout.Token);
        Assert.Equal(0, seeded.Snapshot.ExitCode);
        var demo = await client.GetAsync("/api/subjects/demo-00020", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);

        await app.StopAsync(timeout.Token);
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the server may still be releasing files; the temp folder is disposable
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using Microsoft.AspNetCore.Hosting;
using CallLoop.Silo.Hosting;
using CallLoop.Silo.Security;
using Npgsql;
using Xunit.Abstractions;

namespace CallLoop.Integration.Tests.Faults;

/// <summary>
/// Two silo replicas serving the HTTP API on one database, as the AppHost runs them; one, a process of its own, is
/// killed (SIGKILL: no shutdown, no word to the cluster) while 32 callers send commands, most with an Idempotency-Key.
/// A dead silo is an expected event: the survivor repeats a keyed command inside the host until the cluster has moved
/// the dead silo's grains, answers a command without a key 503 with Retry-After, and never 500.
/// </summary>
public sealed class FailoverHttpTests(ITestOutputHelper output)
{
    private const int Callers = 32;
    private const int CommandsPerCaller = 10;

    [Fact]
    public async Task Given_two_replicas_under_32_callers_When_one_is_killed_Then_no_500_and_every_acknowledged_command_is_stored_once()
    {
        await using var survivor = new Replica(connectionString: null);
        await ((IAsyncLifetime)survivor).InitializeAsync();
        await using var victim = await SiloProcess.StartAsync(
            survivor.ConnectionString,
            new Dictionary<string, string>(Replica.Settings) { [SiloHostingExtensions.DaemonEnabledKey] = "false" });
        using var victimClient = new HttpClient { BaseAddress = victim.Address };
        victimClient.DefaultRequestHeaders.Authorization = new("Bearer", SiloApplicationFactory.TokenFor("test-suite", [.. Roles.All]));
        HttpClient[] replicas = [survivor.CreateClient(), victimClient];
        await Eventually.ReturnsAsync(() => ActiveSilosAsync(survivor.ConnectionString), n => n == 2, Patience.Long, "both replicas in the cluster");

        // Each caller's subject, registered through either replica: the grains are placed over both silos.
        var subjectIds = Enumerable.Range(0, Callers).Select(i => $"failover-{i}-{Guid.NewGuid():N}").ToArray();
        await Task.WhenAll(subjectIds.Select((subjectId, i) =>
            replicas[i % 2].PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" }).JsonAsync()));

        var answers = new ConcurrentBag<Answer>();
        var total = Callers * CommandsPerCaller;
        var sent = 0;
        var killed = 0;
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.Zero;
        await Task.WhenAll(subjectIds.Select(async (subjectId, caller) =>
        {
            for (var n = 0; n < CommandsPerCaller; n++)
            {
                // Like the AppHost's proxy: any replica while both live, the survivor once one is gone.
                var toVictim = Volatile.Read(ref killed) == 0 && (caller + n) % 2 == 1;
                var key = caller % 4 == 3 ? null : $"{subjectId}-collect-{n}";
                var answer = await SendAsync(replicas[toVictim ? 1 : 0], subjectId, key, toVictim);
                answers.Add(answer with { CutOff = toVictim && Volatile.Read(ref killed) == 1 });
                if (Interlocked.Increment(ref sent) == total / 4 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    killedAt = clock.Elapsed;
                    victim.Kill();
                }
            }
        }));

        Assert.Equal(1, killed);

        // The victim's own answers cut off by its death are lost connections, not answers; every other answer is one.
        var answered = answers.Where(a => !a.CutOff && a.Status is not null).ToList();
        var byStatus = answered.GroupBy(a => a.Status).ToDictionary(g => g.Key ?? 0, g => g.Count());
        output.WriteLine(
            $"{total} commands, victim killed at {killedAt.TotalSeconds:0.0} s, done at {clock.Elapsed.TotalSeconds:0.0} s: " +
            string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) +
            $"; lost with the victim: {answers.Count - answered.Count}");

        Assert.DoesNotContain(answered, a => a.Status == HttpStatusCode.InternalServerError);
        Assert.All(answered, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Status} for {a.Key}"));
        Assert.All(answered.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.True(a.RetryAfter, "503 without Retry-After"));

        // A command with a key that met the dead silo on the survivor was repeated there until the cluster moved on;
        // only commands without a key (never repeated: they may have been recorded) may be answered 503.
        Assert.All(answered.Where(a => a.Key is not null && !a.ToVictim), a => Assert.Equal(HttpStatusCode.OK, a.Status));

        // Every acknowledged command stored exactly once; no key stored twice, acknowledged or not.
        var stored = await IdempotencyKeyCounts.ReadAsync(survivor.ConnectionString);
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK && a.Key is not null).Select(a => a.Key!).ToList();
        Assert.True(acknowledged.Count > total / 2, $"only {acknowledged.Count} of {total} acknowledged");
        Assert.All(acknowledged, key => Assert.Equal(1, stored.GetValueOrDefault(key)));
        Assert.All(stored, row => Assert.Equal(1, row.Value));
    }

    private static async Task<Answer> SendAsync(HttpClient replica, string subjectId, string? key, bool toVictim)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/subjects/{subjectId}/collections")
        {
            Content = JsonContent.Create(new
            {
                category = "F",
                source = "automatic",
                purposes = new[] { "analytics" },
                data = new Dictionary<string, string> { ["page"] = "/pricing" },
            }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        try
        {
            using var response = await replica.SendAsync(request);
            return new Answer(key, toVictim, response.StatusCode, response.Headers.RetryAfter is not null);
        }
        catch (Exception) when (toVictim)
        {
            return new Answer(key, toVictim, null, false);
        }
    }

    private static async Task<long> ActiveSilosAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Answer(string? Key, bool ToVictim, HttpStatusCode? Status, bool RetryAfter)
    {
        /// <summary>Sent to the victim and ended after its kill began: a connection lost with it.</summary>
        public bool CutOff { get; init; }
    }

    /// <summary>The surviving replica, in-process; the victim is a real process (<see cref="SiloProcess"/>) so that it can be killed.</summary>
    private sealed class Replica(string? connectionString) : SiloApplicationFactory
    {
        protected override Task<string> CreateDatabaseAsync() =>
            connectionString is null ? TestDatabases.CreateAsync("failover") : Task.FromResult(connectionString);

        /// <summary>What both replicas share with the in-process one: its cluster, no publication, no rate limit to speak of.</summary>
        public static readonly Dictionary<string, string> Settings = new()
        {
            ["Orleans:ClusterId"] = "http-tests",
            ["Orleans:ServiceId"] = "http-tests",
            [SiloHostingExtensions.PublicationEnabledKey] = "false",
            ["CallLoop:RateLimit:PermitsPerSecond"] = "100000",

            // A dead silo found in about 2 s rather than Orleans' 15 s, well within the 20 s a request waits for it.
            [$"{SiloHostingExtensions.MembershipSection}:ProbeTimeout"] = "00:00:01",
            [$"{SiloHostingExtensions.MembershipSection}:NumMissedProbesLimit"] = "2",
        };

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CallLoop.EventStore.Daemon;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Silo.Analytics;
using CallLoop.Silo.Security;
using Xunit.Abstractions;

namespace CallLoop.Integration.Tests.Daemon;

/// <summary>
/// The daemon spread over two real silo processes: the shards split between them, and when one process is killed
/// with SIGKILL (no shutdown, no word to the cluster) while commands flow, its shards run in the other as soon as the
/// cluster has declared it dead, with no committed event skipped and none applied twice. Prints how long the move
/// took with the membership settings in force (production defaults unless CallLoop__Membership__* says otherwise).
/// </summary>
public sealed class DaemonProcessKillTests(DaemonProcessClusterFixture fixture, ITestOutputHelper output) : IClassFixture<DaemonProcessClusterFixture>
{
    private const int Subjects = 16;
    private const int CollectionsPerSubject = 3;
    private static readonly IReadOnlyList<string> Shards = DaemonShards.Names(publish: true);

    [Fact]
    public async Task Given_two_silo_processes_When_one_is_killed_Then_its_shards_move_to_the_other_and_every_event_is_projected_and_published_once()
    {
        var (survivor, victim) = (fixture.Survivor, fixture.Victim);
        using var commands = new HttpClient { BaseAddress = survivor.Silo.Address };
        commands.DefaultRequestHeaders.Authorization = new("Bearer", SiloApplicationFactory.TokenFor("test-suite", [.. Roles.All]));

        // Split: every shard runs, three in each process (six shards, two daemon silos, round-robin).
        var before = await Eventually.ReturnsAsync(
            ShardsAsync,
            s => s.Count == Shards.Count && s.All(x => x.Running) && s.Count(x => survivor.Runs(x.Silo)) == 3 && s.Count(x => victim.Runs(x.Silo)) == 3,
            Patience.Long,
            "three shards to run in each process");

        var subjectIds = Enumerable.Range(0, Subjects).Select(i => $"processes-{i}-{Guid.NewGuid():N}").ToArray();
        await Task.WhenAll(subjectIds.Select(subjectId => commands.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" }).JsonAsync()));

        // Commands flow while the process dies and the shards move: each subject's consent and collections, sent with
        // an Idempotency-Key to the survivor, which repeats inside a grain call cut off by the kill (the key keeps a
        // command that committed before its answer was lost from being stored twice). The writers kill the process once
        // a first round of commands is acknowledged, with the rest still to come.
        var moving = before.Where(s => victim.Runs(s.Silo)).Select(s => s.Shard).ToHashSet();
        var acknowledged = 0;
        var clock = new Stopwatch();
        var killed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Acknowledged()
        {
            if (Interlocked.Increment(ref acknowledged) == Subjects)
            {
                var at = DateTimeOffset.UtcNow;
                clock.Start();
                victim.Silo.Kill();
                killed.SetResult(at);
            }
        }

        var writing = Task.WhenAll(subjectIds.Select(async subjectId =>
        {
            await SendUntilAcknowledgedAsync(commands, $"/api/subjects/{subjectId}/consents", $"{subjectId}-consent", new { purpose = "analytics", noticeVersion = "2025-01" });
            Acknowledged();
            for (var n = 0; n < CollectionsPerSubject; n++)
            {
                await SendUntilAcknowledgedAsync(
                    commands,
                    $"/api/subjects/{subjectId}/collections",
                    $"{subjectId}-collect-{n}",
                    new { category = "F", source = "automatic", purposes = new[] { "analytics" }, data = new Dictionary<string, string> { ["page"] = $"/page-{n}" } });
                Acknowledged();
            }
        }));

        var killedAt = await killed.Task.WaitAsync(Patience.Long);
        var declaredDead = DeclaredDeadAsync(victim.SiloPort, clock);

        var after = await Eventually.ReturnsAsync(
            ShardsAsync,
            s => s.Count == Shards.Count && s.All(x => x.Running && survivor.Runs(x.Silo)),
            Patience.Long,
            "the killed process's shards to run in the survivor");
        var seen = clock.Elapsed;
        var dead = await declaredDead;
        Assert.All(after.Where(s => moving.Contains(s.Shard)), s => Assert.True(s.Since > killedAt, $"{s.Shard} did not start again"));
        var moved = after.Where(s => moving.Contains(s.Shard)).Max(s => s.Since!.Value) - killedAt;
        output.WriteLine(
            $"Membership: ProbeTimeout {Environment.GetEnvironmentVariable("CallLoop__Membership__ProbeTimeout") ?? "default"}, " +
            $"NumMissedProbesLimit {Environment.GetEnvironmentVariable("CallLoop__Membership__NumMissedProbesLimit") ?? "default"}. " +
            $"SIGKILL to declared dead: {dead.TotalSeconds:0.0} s; to its {moving.Count} shards running in the survivor: {moved.TotalSeconds:0.0} s " +
            $"(seen by the test at {seen.TotalSeconds:0.0} s).");

        // Generous for a loaded 2-core machine: the defaults move the shards in seconds.
        Assert.True(moved < TimeSpan.FromSeconds(60), $"The shards took {moved.TotalSeconds:0.0} s to move.");
        await writing;

        var database = new ExactlyOnce(fixture.ConnectionString);
        await database.AssertAsync(Shards, subjectIds, CollectionsPerSubject);

        // Fenced: one advisory lock per shard, the killed process's gone with its sessions.
        Assert.Equal(
            Shards.Count,
            await database.ScalarAsync(
                "select count(*) from pg_locks where locktype = 'advisory' and granted and classid = 0 and objid::bigint = any($1) and database = (select oid from pg_database where datname = current_database())",
                fixture.LockIdsOf(Shards)));
    }

    /// <summary>The shards as an admin reads them; none while the answer is not there yet (a grain on the dead silo).</summary>
    private async Task<List<DaemonShardView>> ShardsAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await fixture.Admin.GetFromJsonAsync<List<DaemonShardView>>("/api/projections/shards", timeout.Token) ?? [];
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return [];
        }
    }

    /// <summary>When the cluster wrote the silo on <paramref name="siloPort"/> down as dead (status 6) in the membership table.</summary>
    private async Task<TimeSpan> DeclaredDeadAsync(int siloPort, Stopwatch clock)
    {
        var database = new ExactlyOnce(fixture.ConnectionString);
        await Eventually.ReturnsAsync(
            () => database.ScalarAsync("select count(*) from orleansmembershiptable where port = $1 and status = 6", siloPort),
            n => n == 1,
            Patience.Long,
            "the killed silo to be declared dead");
        return clock.Elapsed;
    }

    /// <summary>Sends a command until it is acknowledged; only a 503 (the cluster still moving past the dead silo) is repeated, with the same key.</summary>
    private static async Task SendUntilAcknowledgedAsync(HttpClient client, string url, string key, object body)
    {
        var deadline = DateTime.UtcNow + Patience.Long;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(
                response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline,
                $"{(int)response.StatusCode} for {key}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}

using System.Collections.Concurrent;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Faults;

/// <summary>A dedicated three-silo cluster, since this test kills one of its silos.</summary>
public sealed class SiloCrashTests(SubjectClusterFixture fixture) : IClassFixture<SubjectClusterFixture>
{
    private const int Subjects = 60;
    private const int CommandsPerSubject = 4;

    [Fact]
    public async Task Given_a_silo_killed_under_load_Then_every_acknowledged_command_is_stored_exactly_once_and_retries_are_safe()
    {
        var subjectIds = Enumerable.Range(0, Subjects).Select(i => $"crash-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var subjectId in subjectIds)
        {
            await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "TX" });
        }

        var commands = subjectIds
            .SelectMany(subjectId => Enumerable.Range(0, CommandsPerSubject).Select(n => Collect(subjectId, $"collect-{subjectId}-{n}")))
            .ToList();
        var acknowledged = new ConcurrentBag<string>();
        var failed = new ConcurrentBag<CollectPersonalInformation>();
        var completed = 0;
        var victim = fixture.Cluster.SecondarySilos[0];
        var killed = 0;

        using var gate = new SemaphoreSlim(24);
        await Task.WhenAll(commands.Select(async command =>
        {
            await gate.WaitAsync();
            try
            {
                await fixture.Grains.GetGrain<IDataSubjectGrain>(command.SubjectId).ExecuteAsync(command);
                acknowledged.Add(command.IdempotencyKey!);
            }
            catch (Exception)
            {
                failed.Add(command);
            }
            finally
            {
                gate.Release();
                if (Interlocked.Increment(ref completed) == commands.Count / 4 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await fixture.Cluster.KillSiloAsync(victim);
                }
            }
        }));

        Assert.Equal(1, killed);
        Assert.NotEmpty(acknowledged);

        // Callers of the lost commands retry with the same idempotency key; subjects reactivate on the surviving silos.
        foreach (var command in failed)
        {
            await RetryAsync(() => fixture.Grains.GetGrain<IDataSubjectGrain>(command.SubjectId).ExecuteAsync(command));
        }

        var stored = await IdempotencyKeyCounts.ReadAsync(fixture.ConnectionString);
        Assert.All(acknowledged, key => Assert.Equal(1, stored.GetValueOrDefault(key)));
        Assert.All(commands, command => Assert.Equal(1, stored.GetValueOrDefault(command.IdempotencyKey!)));

        foreach (var subjectId in subjectIds)
        {
            var profile = await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).GetProfileAsync();
            Assert.Equal(1 + CommandsPerSubject, profile.Version);
        }
    }

    private static CollectPersonalInformation Collect(string subjectId, string key) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = key,
        Category = PersonalInformationCategory.InternetActivity,
        Source = CollectionSource.Automatic,
        Purposes = [ProcessingPurpose.Analytics],
        Data = new Dictionary<string, string> { ["page"] = "/pricing" },
    };

    private static async Task RetryAsync(Func<Task> attempt)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception) when (i < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}

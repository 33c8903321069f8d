using CallLoop.Domain;
using CallLoop.Grains.Deadlines;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Testing;

namespace CallLoop.Integration.Tests.Deadlines;

public sealed class DeadlineRestartTests
{
    [Fact]
    public async Task Given_scheduled_reminder_When_the_whole_cluster_restarts_before_it_is_due_Then_the_new_cluster_records_the_fact()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("deadline_restart");
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        const string serviceId = "deadline-restart";

        var first = PublicationSilo.Build(connectionString, serviceId, silos: 1);
        await first.DeployAsync();
        var scenario = DeadlineScenario.New(first.GrainFactory);
        var lead = new DeadlineOptions().DueSoonLead;
        await scenario.GivenRequestDueInAsync(lead + TimeSpan.FromSeconds(8));
        await scenario.WhenRemindersAreAsync(RequestDeadlineGrain.DueSoon, RequestDeadlineGrain.Overdue);
        await first.StopAllSilosAsync();
        await first.DisposeAsync();
        var restartedAt = DateTimeOffset.UtcNow;

        var second = PublicationSilo.Build(connectionString, serviceId, silos: 1);
        await second.DeployAsync();
        try
        {
            var again = new DeadlineScenario(second.GrainFactory, scenario.SubjectId);
            var history = await again.WhenRecordedAsync(typeof(RightsRequestDueSoon));

            Assert.True(Assert.Single(history, h => h.Event is RightsRequestDueSoon).RecordedAt >= restartedAt);
            Assert.Equal([RequestDeadlineGrain.Overdue], await again.Deadline.PendingAsync());
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}

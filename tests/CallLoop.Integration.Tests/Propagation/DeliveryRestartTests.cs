using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Grains.Propagation;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Propagation;

public sealed class DeliveryRestartTests
{
    [Fact]
    public async Task Given_failed_attempt_with_its_retry_an_hour_away_When_the_whole_cluster_restarts_Then_the_reminder_resumes_and_delivers()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("delivery_restart");
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        await using var receiver = await WebhookReceiver.FailingAsync(failuresBeforeSuccess: 1);
        var subjectId = $"restart-{Guid.NewGuid():N}";
        const string processor = "Restart Processor";

        var first = RestartSilo.Build(connectionString);
        await first.DeployAsync();
        await using (var session = Store(first).LightweightSession())
        {
            session.Store(new Recipient { Id = processor, Address = "1 Way", WebhookUrl = receiver.Url, SigningSecret = PropagationDriver.NewSecret() });
            await session.SaveChangesAsync();
        }

        var subject = first.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });
        await subject.ExecuteAsync(new DiscloseInformation { Recipient = processor, RecipientType = RecipientType.ServiceProvider, Purpose = DisclosurePurpose.BusinessPurpose, Categories = [PersonalInformationCategory.Identifiers] });
        await subject.ExecuteAsync(new OptOut { Scope = OptOutScope.Sale, Method = PreferenceMethod.UnsubscribeLink });
        await Eventually.ReturnsAsync(() => subject.GetHistoryAsync(), h => h.Any(e => e.Event is WebhookAttemptFailed), PropagationDriver.Patience, "the first attempt to fail");
        await first.StopAllSilosAsync();
        await first.DisposeAsync();
        var restartedAt = DateTimeOffset.UtcNow;

        var second = RestartSilo.Build(connectionString);
        await second.DeployAsync();
        try
        {
            var again = second.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
            var history = await Eventually.ReturnsAsync(() => again.GetHistoryAsync(), h => h.Any(e => e.Event is WebhookDelivered), PropagationDriver.Patience, "the delivery after the restart");

            var delivered = Assert.Single(history, h => h.Event is WebhookDelivered);
            Assert.Equal(2, ((WebhookDelivered)delivered.Event).Attempt);
            Assert.True(delivered.RecordedAt >= restartedAt);
            Assert.Equal([503, 200], receiver.Requests.Select(r => r.AnsweredWith));
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private static IDocumentStore Store(TestCluster cluster) =>
        ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The publication test silo, with retries an hour apart and a reminder every 2 seconds: only the reminder can resume a delivery.</summary>
    private sealed class RestartSilo : ISiloConfigurator
    {
        public static TestCluster Build(string connectionString)
        {
            var builder = new TestClusterBuilder(1);
            builder.Options.ServiceId = "delivery-restart";
            builder.Options.ClusterId = $"delivery-restart-{Guid.NewGuid():N}"[..40];
            builder.Properties[PublicationSilo.ConnectionStringKey] = connectionString;
            builder.AddSiloBuilderConfigurator<RestartSilo>();
            return builder.Build();
        }

        public void Configure(ISiloBuilder siloBuilder)
        {
            new PublicationSilo().Configure(siloBuilder);
            siloBuilder.Services.Configure<PropagationOptions>(o =>
            {
                o.FirstRetryDelay = TimeSpan.FromHours(1);
                o.MaxRetryDelay = TimeSpan.FromHours(1);
                o.ReminderPeriod = TimeSpan.FromSeconds(2);
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.AllowedWebhookNetworks = [WebhookReceiver.Network];
            });
        }
    }
}

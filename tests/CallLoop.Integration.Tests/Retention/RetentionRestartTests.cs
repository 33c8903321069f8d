using CallLoop.Contracts.Retention;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Testing;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Retention;

/// <summary>
/// Retention with short configured periods (seconds, where production keeps the policy's zero or days): the reminder
/// is armed from the committed deactivation and erases through the subject's grain, even across a cluster restart.
/// </summary>
public sealed class RetentionRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_armed_retention_reminder_When_the_whole_cluster_restarts_before_it_is_due_Then_the_new_cluster_erases_for_retention()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("retention_restart");
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        const string serviceId = "retention-restart";
        var settings = new Dictionary<string, string> { ["CallLoop:Retention:AfterAccountEnds"] = "00:00:25" };
        var subjectId = $"rt-{Guid.NewGuid():N}";

        var first = PublicationSilo.Build(connectionString, serviceId, silos: 1, settings);
        await first.DeployAsync();
        await GivenEndedAccountAsync(first, subjectId);
        await Eventually.ReturnsAsync(() => first.GrainFactory.GetGrain<IRetentionGrain>(subjectId).IsPendingAsync(), armed => armed, Patience, "the retention reminder");
        Assert.DoesNotContain(await first.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId).GetHistoryAsync(), h => h.Event is ErasureStarted);
        await first.StopAllSilosAsync();
        await first.DisposeAsync();
        var restartedAt = DateTimeOffset.UtcNow;

        var second = PublicationSilo.Build(connectionString, serviceId, silos: 1, settings);
        await second.DeployAsync();
        try
        {
            var subject = second.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
            var erasure = await ErasureAsync(subject);

            Assert.True(erasure.RecordedAt >= restartedAt);
            var erased = Assert.IsType<ErasureStarted>(erasure.Event);
            Assert.Equal(ErasureReason.Retention, erased.Reason);
            Assert.Empty(erased.RetainedCategories);
            var profile = await subject.GetProfileAsync();
            Assert.Empty(profile.Categories);
            Assert.Equal(ErasureReason.Retention, profile.ErasureReason);
            await Eventually.ReturnsAsync(() => second.GrainFactory.GetGrain<IRetentionGrain>(subjectId).IsPendingAsync(), armed => !armed, Patience, "the reminder to go");
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Given_legal_hold_When_retention_ends_Then_held_category_kept_until_the_hold_is_released()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("retention_hold");
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        var settings = new Dictionary<string, string> { ["CallLoop:Retention:AfterAccountEnds"] = "00:00:02" };
        var cluster = PublicationSilo.Build(connectionString, "retention-hold", silos: 2, settings);
        await cluster.DeployAsync();
        try
        {
            var subjectId = $"rh-{Guid.NewGuid():N}";
            var subject = cluster.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
            await GivenEndedAccountAsync(cluster, subjectId, beforeEnd: s => s.PlaceLegalHoldAsync(
                new PlaceLegalHold { HoldId = "hold-1", Categories = [PersonalInformationCategory.CommercialInformation], Reason = "litigation" }, "test"));

            var first = Assert.IsType<ErasureStarted>((await ErasureAsync(subject)).Event);
            Assert.Equal([PersonalInformationCategory.CommercialInformation], first.RetainedCategories);
            Assert.Equal([PersonalInformationCategory.CommercialInformation], (await subject.GetProfileAsync()).Categories.Select(c => c.Category));

            // Releasing the hold finishes the erasure that retention started: the held category is erased at once,
            // recorded with the released hold, and nothing starts a second erasure.
            await subject.ReleaseLegalHoldAsync(new ReleaseLegalHold { HoldId = "hold-1", Reason = "case closed" }, "test");
            var history = await subject.GetHistoryAsync();
            var erasures = history.Select(e => e.Event).OfType<PersonalDataErased>().ToArray();
            Assert.Equal(2, erasures.Length);
            Assert.DoesNotContain(PersonalInformationCategory.CommercialInformation, erasures[0].ErasedCategories);
            Assert.Equal([PersonalInformationCategory.CommercialInformation], erasures[1].ErasedCategories);
            Assert.Equal(("hold-1", ErasureReason.Retention), (erasures[1].ReleasedHoldId, erasures[1].Reason));
            Assert.Single(history, e => e.Event is ErasureStarted);
            Assert.Empty((await subject.GetProfileAsync()).Categories);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Given_someone_without_an_account_When_their_period_after_the_last_event_passes_Then_erased_unless_a_request_is_open_and_a_gpc_signal_alone_arms_it()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("retention_no_account");
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        var withoutAccount = TimeSpan.FromSeconds(4);
        var settings = new Dictionary<string, string> { ["CallLoop:Retention:WithoutAccount"] = "00:00:04" };
        var cluster = PublicationSilo.Build(connectionString, "retention-no-account", silos: 1, settings);
        await cluster.DeployAsync();
        try
        {
            // A registered subject's signal arms nothing; a signal from someone without an account is data kept for the period.
            var registeredId = $"rr-{Guid.NewGuid():N}";
            var registered = cluster.GrainFactory.GetGrain<IDataSubjectGrain>(registeredId);
            await registered.RegisterAsync(new RegisterSubject { Jurisdiction = "CA" }, "test");
            await registered.ReceiveGpcSignalAsync(new ReceiveGpcSignal(), "test");
            var signalOnlyId = $"rg-{Guid.NewGuid():N}";
            var signalOnly = cluster.GrainFactory.GetGrain<IDataSubjectGrain>(signalOnlyId);
            await signalOnly.ReceiveGpcSignalAsync(new ReceiveGpcSignal(), "test");
            var signalAt = (await signalOnly.GetHistoryAsync()).Max(e => e.Event.OccurredAt);

            var waiting = cluster.GrainFactory.GetGrain<IDataSubjectGrain>($"rw-{Guid.NewGuid():N}");
            await waiting.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "r-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm, Jurisdiction = "CA" }, "test");
            var subjectId = $"rn-{Guid.NewGuid():N}";
            var subject = cluster.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
            await subject.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "r-1", Type = RightsRequestType.Delete, Channel = RequestChannel.WebForm, Jurisdiction = "FL" }, "test");
            await Eventually.ReturnsAsync(() => cluster.GrainFactory.GetGrain<IRetentionGrain>(subjectId).IsPendingAsync(), armed => armed, Patience, "the retention reminder");
            await subject.CompleteRequestAsync(new CompleteRequest { RequestId = "r-1", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.NotAConsumer, Explanation = "No records about you." }, "test");
            var lastEventAt = (await subject.GetHistoryAsync()).Max(e => e.Event.OccurredAt);

            var erasure = await ErasureAsync(subject);

            var erased = Assert.IsType<ErasureStarted>(erasure.Event);
            Assert.Equal(ErasureReason.Retention, erased.Reason);
            Assert.True(erased.OccurredAt >= lastEventAt + withoutAccount, "erased before the period after the last event ended");
            Assert.DoesNotContain(await waiting.GetHistoryAsync(), e => e.Event is ErasureStarted);
            var signalErasure = Assert.IsType<ErasureStarted>((await ErasureAsync(signalOnly)).Event);
            Assert.Equal(ErasureReason.Retention, signalErasure.Reason);
            Assert.True(signalErasure.OccurredAt >= signalAt + withoutAccount, "the signal's data erased before its period ended");

            // Only the reminder erases someone without an account; the registered subject's signal, published before it, armed none.
            Assert.DoesNotContain(await registered.GetHistoryAsync(), e => e.Event is ErasureStarted);
            Assert.False(await cluster.GrainFactory.GetGrain<IRetentionGrain>(registeredId).IsPendingAsync());
            await Eventually.ReturnsAsync(() => cluster.GrainFactory.GetGrain<IRetentionGrain>(subjectId).IsPendingAsync(), armed => !armed, Patience, "the reminder to go");
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static async Task GivenEndedAccountAsync(TestCluster cluster, string subjectId, Func<IDataSubjectGrain, Task>? beforeEnd = null)
    {
        var subject = cluster.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = "retained@example.com", Name = "Kept Until" }, "test");
        foreach (var category in new[] { PersonalInformationCategory.CommercialInformation, PersonalInformationCategory.InternetActivity })
        {
            await subject.CollectAsync(new CollectPersonalInformation
            {
                Category = category,
                Source = CollectionSource.Direct,
                Purposes = [ProcessingPurpose.ProvideServices],
                Data = new Dictionary<string, string> { ["note"] = "kept" },
            }, "test");
        }

        if (beforeEnd is not null)
        {
            await beforeEnd(subject);
        }

        await subject.DeactivateAccountAsync(new DeactivateAccount { Reason = "terminate-account" }, "test");
    }

    private static async Task<SubjectHistoryEntry> ErasureAsync(IDataSubjectGrain subject) =>
        (await Eventually.ReturnsAsync(() => subject.GetHistoryAsync(), h => h.Any(e => e.Event is ErasureStarted), Patience, "the retention erasure"))
            .First(e => e.Event is ErasureStarted);
}

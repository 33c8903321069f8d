using CallLoop.Contracts.Keys;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Grains.Keys;
using CallLoop.Integration.Tests.Infrastructure;
using Npgsql;

namespace CallLoop.Integration.Tests.Erasure;

public sealed class KeyRotationTests : IClassFixture<RotationCluster>
{
    private readonly RotationCluster database;

    public KeyRotationTests(RotationCluster database) => this.database = database;

    [Fact]
    public async Task Given_keys_wrapped_by_the_old_master_key_When_redeployed_with_a_new_current_one_Then_keys_are_rewrapped_events_untouched_and_everything_stays_readable_without_the_old_key()
    {
        var subjectId = $"rotate-{Guid.NewGuid():N}";
        var email = $"rotate.{subjectId}@example.org";
        var first = await database.StartAsync((TestMasterKeys.FirstId, TestMasterKeys.First));
        var subject = first.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = email, Name = "Rota Tion" });
        await subject.CollectAsync(new CollectPersonalInformation
        {
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["plan"] = "gold" },
        });
        Assert.All(await first.GrainFactory.GetGrain<ISubjectKeyGrain>(subjectId).DescribeAsync(), k => Assert.Equal(TestMasterKeys.FirstId, k.MasterKeyId));
        var eventsBefore = await StoredSubjectEvents.AllTextAsync(database.ConnectionString, subjectId);
        var keyRowBefore = await KeyRowAsync();
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        // Rotation: the new key is current, the old one still configured so that keys can be unwrapped once more.
        var second = await database.StartAsync((TestMasterKeys.SecondId, TestMasterKeys.Second), (TestMasterKeys.FirstId, TestMasterKeys.First));
        var rotated = await second.GrainFactory.GetGrain<ISubjectKeyGrain>(subjectId).DescribeAsync();
        Assert.Equal(2, rotated.Count);
        Assert.All(rotated, k => Assert.Equal(TestMasterKeys.SecondId, k.MasterKeyId));
        Assert.Equal(new SubjectKeyRewrap(0, 0), await second.GrainFactory.GetGrain<ISubjectKeyGrain>(subjectId).RewrapAsync());
        Assert.NotEqual(keyRowBefore, await KeyRowAsync());
        Assert.Equal(eventsBefore, await StoredSubjectEvents.AllTextAsync(database.ConnectionString, subjectId));
        await second.StopAllSilosAsync();
        await second.DisposeAsync();

        // The old master key retired: every value still opens.
        var third = await database.StartAsync((TestMasterKeys.SecondId, TestMasterKeys.Second));
        var profile = await PersonalDataReads.ProfileAsync(third.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId));
        Assert.Equal((email, "Rota Tion"), (profile.Email, profile.Name));
        Assert.Equal("gold", profile.Categories.Single().Values["plan"]);
        var history = ErasureAcceptanceTests.HistoryText(await PersonalDataReads.HistoryAsync(third.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId)));
        Assert.Contains(email, history, StringComparison.Ordinal);
        await third.StopAllSilosAsync();
        await third.DisposeAsync();

        async Task<string> KeyRowAsync()
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select s::text from callloop_keys.orleansstorage s where grainidextensionstring = $1 or s::text like '%' || $1 || '%'", connection);
            command.Parameters.AddWithValue(subjectId);
            return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No key row in callloop_keys."));
        }
    }

    [Fact]
    public async Task Given_keys_under_a_master_key_that_is_gone_When_the_subject_is_erased_Then_the_keys_are_destroyed_and_rewrap_reports_them_instead_of_failing()
    {
        var subjectId = $"lost-{Guid.NewGuid():N}";
        var first = await database.StartAsync((TestMasterKeys.FirstId, TestMasterKeys.First));
        var before = first.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
        await before.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = $"{subjectId}@example.org", Name = "Lost Key" });
        await before.CollectAsync(new CollectPersonalInformation
        {
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["plan"] = "gold" },
        });
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        // Redeployed with a new master key and without the old one (rotated without re-wrapping first).
        var second = await database.StartAsync((TestMasterKeys.SecondId, TestMasterKeys.Second));
        try
        {
            var keys = second.GrainFactory.GetGrain<ISubjectKeyGrain>(subjectId);
            Assert.Equal(new SubjectKeyRewrap(0, 2), await keys.RewrapAsync());
            var subject = second.GrainFactory.GetGrain<IDataSubjectGrain>(subjectId);
            await subject.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "del-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email });
            await subject.VerifyIdentityAsync(new VerifyIdentity { RequestId = "del-1", Method = VerificationMethod.Login });
            await subject.CompleteRequestAsync(new CompleteRequest { RequestId = "del-1", Outcome = RequestOutcome.Fulfilled });

            Assert.Single((await subject.GetHistoryAsync()).Select(h => h.Event).OfType<PersonalDataErased>());
            var described = await keys.DescribeAsync();
            Assert.Equal(2, described.Count);
            Assert.All(described, k => Assert.NotNull(k.DestroyedAt));
            Assert.Equal(new SubjectKeyRewrap(0, 0), await keys.RewrapAsync());
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public void Given_master_key_settings_When_invalid_Then_the_problem_names_the_setting_and_never_the_key()
    {
        var tooShort = Convert.ToBase64String(new byte[16]);
        var problem = MasterKeyRing.Problem(new EncryptionOptions { MasterKeys = { ["k1"] = tooShort }, CurrentMasterKeyId = "k1" });

        Assert.Contains("CallLoop:Encryption:MasterKeys:k1", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(tooShort, problem!, StringComparison.Ordinal);
        Assert.NotNull(MasterKeyRing.Problem(new EncryptionOptions { MasterKeys = { ["k1"] = TestMasterKeys.First }, CurrentMasterKeyId = "k2" }));
        Assert.Null(MasterKeyRing.Problem(new EncryptionOptions { MasterKeys = { ["k1"] = TestMasterKeys.First }, CurrentMasterKeyId = "k1" }));
    }
}

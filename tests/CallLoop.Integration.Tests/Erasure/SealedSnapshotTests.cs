using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using Npgsql;

namespace CallLoop.Integration.Tests.Erasure;

[Collection(ClusterCollection.Name)]
public sealed class SealedSnapshotTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_a_long_stream_When_the_grain_snapshots_it_Then_the_snapshot_holds_sealed_values_only_and_reloads_to_the_same_profile()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"snap-{tag}";
        var (email, plan) = ($"snap.{tag}@example.org", $"plan-{tag}");
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = email, BirthDate = new DateOnly(1948, 3, 9) });
        await subject.CollectAsync(new CollectPersonalInformation
        {
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["plan"] = plan },
        });
        for (var i = 0; i < 50; i++)
        {
            await subject.GrantConsentAsync(new GrantConsent { Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "2025-01" });
            await subject.WithdrawConsentAsync(new WithdrawConsent { Purpose = ConsentPurpose.MarketingEmail });
        }

        await Reactivate(subject);
        await subject.GetProfileAsync();
        var snapshot = await SnapshotTextAsync(subjectId);

        Assert.NotNull(snapshot);
        Assert.Contains("pii:1:A1:", snapshot, StringComparison.Ordinal);
        Assert.Contains("pii:1:C1:", snapshot, StringComparison.Ordinal);
        Assert.Empty(await DatabaseScan.FindAsync(fixture.ConnectionString, [email, plan]));

        // Reading values appends its own audit event, so the versions are compared on unaudited reads.
        var before = await subject.GetProfileAsync();
        await Reactivate(subject);
        Assert.Equal(before.Version, (await subject.GetProfileAsync()).Version);
        var after = await PersonalDataReads.ProfileAsync(subject);
        Assert.Equal((email, new DateOnly(1948, 3, 9), plan), (after.Email, after.BirthDate, after.Categories.Single().Values["plan"]));
    }

    private Task Reactivate(IDataSubjectGrain subject) => fixture.Grains.DeactivateAsync(subject);

    private async Task<string?> SnapshotTextAsync(string subjectId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data::text from privacy.mt_doc_subjectsnapshot where id = $1", connection);
        command.Parameters.AddWithValue(subjectId);
        return (string?)await command.ExecuteScalarAsync();
    }
}

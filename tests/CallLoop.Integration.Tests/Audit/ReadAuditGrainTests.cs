using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Audit;

[Collection(ClusterCollection.Name)]
public sealed class ReadAuditGrainTests(SubjectClusterFixture fixture)
{
    private const string Email = "grain.reader@example.com";
    private const string Name = "Grain Reader";

    [Fact]
    public async Task Given_subject_When_read_through_unaudited_paths_Then_no_values_and_nothing_recorded()
    {
        var (subjectId, subject, registered) = await GivenSubjectAsync();

        var profile = await subject.GetProfileAsync();
        var history = await subject.GetHistoryAsync();

        foreach (var answer in new[] { registered, profile })
        {
            Assert.True(answer.ValuesWithheld);
            Assert.Equal((null, null, null, null), (answer.Email, answer.Phone, answer.Name, answer.BirthDate));
            Assert.All(answer.Categories, c => Assert.Empty(c.Values));
        }

        Assert.Equal([PersonalInformationCategory.InternetActivity], profile.Categories.Select(c => c.Category));
        var registration = Assert.IsType<SubjectRegistered>(history[0].Event);
        Assert.Null(registration.Email);
        Assert.Equal(string.Empty, Assert.IsType<PersonalInformationCollected>(history[1].Event).Data["ip"]);
        Assert.Equal(0, await StreamEvents.AccessRecordsAsync(fixture.ConnectionString, subjectId));
    }

    [Fact]
    public async Task Given_subject_When_read_with_an_access_Then_values_after_one_committed_record()
    {
        var (subjectId, subject, _) = await GivenSubjectAsync();

        var profile = await subject.ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "officer-kim", Purpose = AccessPurpose.CustomerSupport });
        var history = await subject.ReadHistoryAsync(new PersonalDataAccess { AccessedBy = "officer-kim", Purpose = AccessPurpose.LegalCompliance });

        Assert.False(profile.ValuesWithheld);
        Assert.Equal((Email, Name), (profile.Email, profile.Name));
        Assert.Equal("203.0.113.9", profile.Categories.Single().Values["ip"]);
        Assert.Equal(Email, Assert.IsType<SubjectRegistered>(history[0].Event).Email);
        Assert.DoesNotContain(history, h => h.Event is PersonalDataAccessed);
        var trail = await subject.GetAuditTrailAsync();
        Assert.Equal(
            [("officer-kim", AccessPurpose.CustomerSupport, AccessedView.Profile), ("officer-kim", AccessPurpose.LegalCompliance, AccessedView.History)],
            trail.Select(r => (r.AccessedBy, r.Purpose, r.View)));
        Assert.Equal(2, await StreamEvents.AccessRecordsAsync(fixture.ConnectionString, subjectId));
    }

    [Fact]
    public async Task Given_access_without_actor_or_with_unknown_purpose_When_read_Then_typed_error_and_nothing_recorded()
    {
        var (subjectId, subject, _) = await GivenSubjectAsync();

        var noActor = await Assert.ThrowsAsync<InvalidCommandException>(() => subject.ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = " ", Purpose = AccessPurpose.CustomerSupport }));
        var badPurpose = await Assert.ThrowsAsync<InvalidCommandException>(() => subject.ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "officer-kim", Purpose = (AccessPurpose)99 }));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => subject.ReadHistoryAsync(new PersonalDataAccess { AccessedBy = "officer-kim", Purpose = AccessPurpose.RightsRequest, RequestId = "none" }));

        Assert.Equal(("accessedBy", "purpose"), (noActor.Field, badPurpose.Field));
        Assert.Equal(0, await StreamEvents.AccessRecordsAsync(fixture.ConnectionString, subjectId));
        await Assert.ThrowsAsync<SubjectNotFoundException>(() => fixture.Grains.GetGrain<IDataSubjectGrain>($"audit-{Guid.NewGuid():N}")
            .ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "officer-kim", Purpose = AccessPurpose.CustomerSupport }));
    }

    private async Task<(string SubjectId, IDataSubjectGrain Subject, SubjectProfile Registered)> GivenSubjectAsync()
    {
        var subjectId = $"audit-{Guid.NewGuid():N}";
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = Email, Name = Name, BirthDate = new DateOnly(1980, 1, 1) }, "test");
        var collected = await subject.CollectAsync(new CollectPersonalInformation
        {
            Category = PersonalInformationCategory.InternetActivity,
            Source = CollectionSource.Automatic,
            Purposes = [ProcessingPurpose.Analytics],
            Data = new Dictionary<string, string> { ["ip"] = "203.0.113.9" },
        }, "test");
        return (subjectId, subject, collected);
    }
}

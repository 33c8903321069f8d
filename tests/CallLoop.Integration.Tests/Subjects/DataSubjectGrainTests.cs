using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Subjects;

[Collection(ClusterCollection.Name)]
public sealed class DataSubjectGrainTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_registered_subject_When_grain_is_deactivated_Then_state_is_rebuilt_from_Marten()
    {
        var subjectId = NewSubjectId();
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);

        var registered = await grain.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "VA" });
        Assert.Equal("VA", registered.Jurisdiction);

        await DeactivateAsync(subjectId);

        var reloaded = await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).GetProfileAsync();
        Assert.Equal(subjectId, reloaded.SubjectId);
        Assert.Equal("VA", reloaded.Jurisdiction);

        var history = await grain.GetHistoryAsync();
        var first = Assert.Single(history);
        Assert.Equal(1, first.Version);
        Assert.IsType<SubjectRegistered>(first.Event);
    }

    [Fact]
    public async Task Given_unknown_subject_When_profile_is_read_Then_typed_not_found_is_thrown()
    {
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(NewSubjectId());

        await Assert.ThrowsAsync<SubjectNotFoundException>(() => grain.GetProfileAsync());
    }

    [Fact]
    public async Task Given_invalid_jurisdiction_When_registering_Then_typed_error_names_the_field_and_nothing_is_appended()
    {
        var subjectId = NewSubjectId();
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => grain.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "XX" }));

        Assert.Equal("jurisdiction", error.Field);
        await Assert.ThrowsAsync<SubjectNotFoundException>(() => grain.GetHistoryAsync());
    }

    private async Task DeactivateAsync(string subjectId)
    {
        // Ask the activation itself to go away; the next call activates it afresh (on any silo) from the stream.
        await fixture.Grains.DeactivateAsync(fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId));
    }

    private static string NewSubjectId() => $"sub-{Guid.NewGuid():N}";
}

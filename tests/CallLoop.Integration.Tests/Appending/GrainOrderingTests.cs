using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Appending;

[Collection(ClusterCollection.Name)]
public sealed class GrainOrderingTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_many_concurrent_commands_to_many_subjects_Then_every_acknowledged_command_is_in_its_stream_once_with_gapless_versions()
    {
        var subjects = Enumerable.Range(0, 20).Select(_ => $"sub-{Guid.NewGuid():N}").ToArray();
        await Task.WhenAll(subjects.Select(s =>
            fixture.Grains.GetGrain<IDataSubjectGrain>(s).ExecuteAsync(new RegisterSubject { SubjectId = s, Jurisdiction = "CA" })));

        var commands = subjects.SelectMany(s => Enumerable.Range(1, 10).Select(n =>
            fixture.Grains.GetGrain<IDataSubjectGrain>(s).ExecuteAsync(new GrantConsent
            {
                SubjectId = s,
                Purpose = ConsentPurpose.MarketingEmail,
                Basis = ConsentBasis.Express,
                NoticeVersion = $"notice-{n}",
            })));
        var profiles = await Task.WhenAll(commands);

        Assert.Equal(subjects.Length * 10, profiles.Select(p => (p.SubjectId, p.Version)).Distinct().Count());
        foreach (var subject in subjects)
        {
            var history = await fixture.Grains.GetGrain<IDataSubjectGrain>(subject).GetHistoryAsync();
            Assert.Equal(Enumerable.Range(1, 11).Select(v => (long)v), history.Select(e => e.Version));
            var notices = history.Skip(1).Select(e => Assert.IsType<ConsentGranted>(e.Event).NoticeVersion).ToArray();
            Assert.Equal(10, notices.Distinct().Count());
        }
    }
}

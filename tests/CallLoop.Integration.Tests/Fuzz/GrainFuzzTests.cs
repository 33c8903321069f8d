using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using CsCheck;

namespace CallLoop.Integration.Tests.Fuzz;

[Collection(ClusterCollection.Name)]
public sealed class GrainFuzzTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Any_hostile_command_either_commits_or_throws_a_typed_domain_error_that_appends_nothing_and_names_no_personal_value()
    {
        var subjectId = $"fuzz-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });

        var committed = 0;
        var refused = 0;
        await HostileCommands.For(subjectId).SampleAsync(
            async command =>
            {
                var before = (await grain.GetProfileAsync()).Version;
                try
                {
                    await grain.ExecuteAsync(command);
                    committed++;
                }
                catch (PrivacyDomainException error)
                {
                    refused++;
                    Assert.Equal(before, (await grain.GetProfileAsync()).Version);
                    Assert.All(HostileInput.PlantedPersonalValues, value => Assert.DoesNotContain(value, error.Message, StringComparison.OrdinalIgnoreCase));
                }
            },
            iter: 400,
            threads: 1,
            print: command => $"{command.GetType().Name} subjectId='{FuzzedCall.Shorten(command.SubjectId)}'");

        // The generator reaches both sides of the rules, or the property above proves little.
        Assert.True(committed > 0 && refused > 0, $"committed {committed}, refused {refused}");
    }
}

using CallLoop.Contracts.Keys;
using CallLoop.Contracts.Subjects;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// The silo remembers each grain interface's type id (<see cref="GrainInterfaceTypeCache"/>), asked first: its answers
/// must be the ones Orleans' own resolution gives, or references would name interfaces no silo knows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainInterfaceTypeCacheTests(SubjectClusterFixture fixture)
{
    [Fact]
    public void Given_a_silo_When_grain_interfaces_are_resolved_Then_the_cache_answers_first_with_what_Orleans_would_answer()
    {
        var services = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;
        var providers = services.GetServices<IGrainInterfaceTypeProvider>().ToArray();
        var resolver = services.GetRequiredService<GrainInterfaceTypeResolver>();
        var orleansOwn = providers.OfType<AttributeGrainInterfaceTypeProvider>().Single();

        Assert.IsType<GrainInterfaceTypeCache>(providers[0]);
        foreach (var type in new[] { typeof(IDataSubjectGrain), typeof(ISubjectKeyGrain), typeof(IGrainWithStringKey) })
        {
            var expected = orleansOwn.TryGetGrainInterfaceType(type, out var attributed) ? attributed : resolver.GetGrainInterfaceTypeByConvention(type);
            Assert.True(providers[0].TryGetGrainInterfaceType(type, out var cached));
            Assert.Equal(expected, cached);
            Assert.Equal(expected, resolver.GetGrainInterfaceType(type));
        }
    }
}

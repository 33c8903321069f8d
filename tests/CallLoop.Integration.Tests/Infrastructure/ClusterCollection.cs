namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>
/// Three silos on one database, shared by the grain tests: <c>[Collection(ClusterCollection.Name)]</c> and a
/// <see cref="SubjectClusterFixture"/> constructor parameter (see <see cref="SiloCollection"/> for the rules).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<SubjectClusterFixture>
{
    public const string Name = "subject cluster";
}

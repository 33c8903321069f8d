namespace CallLoop.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<SubjectClusterFixture>
{
    public const string Name = "subject cluster";
}

namespace CallLoop.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloApplicationFactory>
{
    public const string Name = "silo over http";
}

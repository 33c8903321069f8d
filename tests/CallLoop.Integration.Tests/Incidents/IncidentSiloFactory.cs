using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>The silo host on a database of its own: the assessment counts every subject in it.</summary>
public sealed class IncidentSiloFactory : SiloApplicationFactory
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync("incidents");
}

[CollectionDefinition(Name)]
public sealed class IncidentCollection : ICollectionFixture<IncidentSiloFactory>
{
    public const string Name = "incidents";
}

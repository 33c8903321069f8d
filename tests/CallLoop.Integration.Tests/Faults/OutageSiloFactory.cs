using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Testing;

namespace CallLoop.Integration.Tests.Faults;

/// <summary>A silo on a PostgreSQL server of its own, which the test stops and starts without disturbing other tests.</summary>
public sealed class OutageSiloFactory : SiloApplicationFactory
{
    public PostgresServer Database { get; } = PostgresServer.StartDedicated();

    protected override Task<string> CreateDatabaseAsync() => Database.CreateDatabaseAsync("outage");
}

/// <summary>Tests that stop and start PostgreSQL: one server and silo for all of them, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageSiloFactory>
{
    public const string Name = "database outage";
}

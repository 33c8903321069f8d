using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// A silo of its own for rebuilding a projection: a rebuild replays every event of its database, and on the reports
/// database (tens of thousands of events) one took over a minute.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProjectionRebuildCollection : ICollectionFixture<SiloApplicationFactory>
{
    public const string Name = "projection rebuild";
}

using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>The report tests share one silo host (with its async daemon) on their own database.</summary>
[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<SiloApplicationFactory>
{
    public const string Name = "reports";
}

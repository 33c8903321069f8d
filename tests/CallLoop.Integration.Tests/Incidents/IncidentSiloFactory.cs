using Microsoft.AspNetCore.Hosting;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>The silo host on a database of its own: the assessment counts every subject in it.</summary>
public sealed class IncidentSiloFactory : SiloApplicationFactory
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync("incidents");

    /// <summary>
    /// The follow-up reminder a second after a commit, so resuming after an interruption is seen quickly; the
    /// obligations gauge refreshed every second.
    /// </summary>
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("CallLoop:Incidents:FollowUpAfter", "00:00:01");
        builder.UseSetting("CallLoop:Incidents:MetricsPeriod", "00:00:01");
    }
}

[CollectionDefinition(Name)]
public sealed class IncidentCollection : ICollectionFixture<IncidentSiloFactory>
{
    public const string Name = "incidents";
}

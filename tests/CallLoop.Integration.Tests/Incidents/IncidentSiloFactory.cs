using Microsoft.AspNetCore.Hosting;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>The silo host on a database of its own: the assessment counts every subject in it.</summary>
public sealed class IncidentSiloFactory : SiloApplicationFactory
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync("incidents");

    /// <summary>
    /// The follow-up reminder a second after a commit, so resuming after an interruption is seen quickly; the
    /// obligations gauge refreshed every second; a failing assessment gives up after 3 attempts, 50 ms apart at first.
    /// </summary>
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("CallLoop:Incidents:FollowUpAfter", "00:00:01");
        builder.UseSetting("CallLoop:Incidents:MetricsPeriod", "00:00:01");
        builder.UseSetting("CallLoop:Incidents:AssessmentAttempts", "3");
        builder.UseSetting("CallLoop:Incidents:AssessmentRetryAfter", "00:00:00.050");
    }
}

[CollectionDefinition(Name)]
public sealed class IncidentCollection : ICollectionFixture<IncidentSiloFactory>
{
    public const string Name = "incidents";
}

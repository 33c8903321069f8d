namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>
/// The silo host over HTTP that most tests share. Adding a test to a shared collection:
/// put <c>[Collection(SiloCollection.Name)]</c> on the class and take the fixture in its constructor
/// (<c>public sealed class MyTests(SiloApplicationFactory factory)</c>); use fresh ids (<c>Api.NewSubjectId()</c>) so the
/// test never meets another's data. The collection's classes run one at a time, each collection beside the others
/// (xunit.runner.json), so a test may count rows in its collection's database between its own steps.
/// Which collection: HTTP API → this one; grains without HTTP → <see cref="ClusterCollection"/> (three silos);
/// reports and counts over the whole database → Reports/ReportsCollection; propagation and webhooks →
/// Propagation/PropagationCollection; publication, reminders, metrics → Publication/PublicationCollection.
/// A new fixture (and its start-up time) only for settings no shared one can have, or for tests that stop, kill or
/// restart what they run on; a collection that takes more than half a minute is named in
/// <see cref="LongestFirstCollectionOrderer"/> so that it starts early.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloApplicationFactory>
{
    public const string Name = "silo over http";
}

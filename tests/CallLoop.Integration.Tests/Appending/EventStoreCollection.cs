namespace CallLoop.Integration.Tests.Appending;

[CollectionDefinition(Name)]
public sealed class EventStoreCollection : ICollectionFixture<EventStoreFixture>
{
    public const string Name = "event store";
}

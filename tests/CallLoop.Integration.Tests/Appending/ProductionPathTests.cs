using CallLoop.EventStore.Appending;

namespace CallLoop.Integration.Tests.Appending;

[Collection(EventStoreCollection.Name)]
public sealed class ProductionPathTests(EventStoreFixture fixture)
{
    /// <summary>
    /// An inline projection (or binary serialization, tenancy, Guid ids) silently sends every batch down the slower
    /// Marten session path; the project's own store configuration must keep the set-based path open.
    /// </summary>
    [Fact]
    public void Given_the_project_store_configuration_Then_the_set_based_path_is_usable()
    {
        Assert.True(new SetBasedEventWriter(fixture.Store).Usable);
    }
}

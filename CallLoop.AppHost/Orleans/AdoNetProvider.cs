using Aspire.Hosting.Orleans;

namespace CallLoop.AppHost.Orleans;

/// <summary>
/// Describes an Orleans ADO.NET provider on the PostgreSQL database. Aspire names only the provider type and
/// service key; Orleans' ADO.NET providers read the invariant and the connection name, so both are set here.
/// </summary>
internal sealed class AdoNetProvider(IResourceBuilder<IResourceWithConnectionString> database) : IProviderConfiguration
{
    public void ConfigureResource<T>(IResourceBuilder<T> resourceBuilder, string configSectionPath)
        where T : IResourceWithEnvironment
    {
        var prefix = $"Orleans__{configSectionPath.Replace(":", "__", StringComparison.Ordinal)}";
        resourceBuilder
            .WithEnvironment($"{prefix}__ProviderType", "AdoNet")
            .WithEnvironment($"{prefix}__ServiceKey", database.Resource.Name)
            .WithEnvironment($"{prefix}__ConnectionName", database.Resource.Name)
            .WithEnvironment($"{prefix}__Invariant", "Npgsql")
            .WithReference(database);
    }
}

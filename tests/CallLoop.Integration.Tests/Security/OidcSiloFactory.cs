using CallLoop.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CallLoop.Integration.Tests.Security;

/// <summary>A silo that also accepts access tokens from <see cref="Provider"/> (CallLoop:Auth:Oidc), roles from <c>roles</c>.</summary>
public sealed class OidcSiloFactory : SiloApplicationFactory, IAsyncLifetime
{
    public const string Audience = "callloop-api-from-provider";

    public OidcProvider Provider { get; private set; } = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Provider.DisposeAsync();
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("CallLoop:Auth:Oidc:Authority", Provider.Issuer);
        builder.UseSetting("CallLoop:Auth:Oidc:Audience", Audience);
        builder.UseSetting("CallLoop:Auth:Oidc:RoleClaim", "roles");
        builder.UseSetting("CallLoop:Auth:Oidc:RequireHttpsMetadata", "false");
    }
}

[CollectionDefinition(Name)]
public sealed class OidcCollection : ICollectionFixture<OidcSiloFactory>
{
    public const string Name = "silo trusting an OpenID Connect provider";
}

using CallLoop.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CallLoop.Integration.Tests.Security;

/// <summary>
/// A silo whose per-caller budget is tiny, so the limit is reached within one test; started with
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (as container platforms set it) and no trusted proxy.
/// </summary>
public sealed class RateLimitedSiloFactory : SiloApplicationFactory
{
    public const int PermitsPerSecond = 3;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
        builder.UseSetting("CallLoop:RateLimit:PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class RateLimitCollection : ICollectionFixture<RateLimitedSiloFactory>
{
    public const string Name = "rate-limited silo";
}

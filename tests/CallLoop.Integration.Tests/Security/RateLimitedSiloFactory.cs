using CallLoop.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CallLoop.Integration.Tests.Security;

/// <summary>A silo whose per-caller budget is tiny, so the limit is reached within one test.</summary>
public sealed class RateLimitedSiloFactory : SiloApplicationFactory
{
    public const int PermitsPerSecond = 3;

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("CallLoop:RateLimit:PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

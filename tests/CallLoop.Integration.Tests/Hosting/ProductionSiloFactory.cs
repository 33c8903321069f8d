using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// A silo in Production with every required setting valid but one: <paramref name="setting"/> is set to
/// <paramref name="value"/>, or left out when that is null. Its start is expected to fail on that setting alone.
/// </summary>
internal sealed class ProductionSiloFactory(string setting, string? value) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // Never reached: validation fails before any hosted service (database, Orleans) starts.
        builder.UseSetting("ConnectionStrings:calloopdb", "Host=127.0.0.1;Port=1;Database=unused");
        builder.UseSiloCertificates();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CallLoop:Auth:SigningKey"] = Key(1),
            ["CallLoop:Encryption:MasterKeys:primary"] = Key(33),
            ["CallLoop:Encryption:CurrentMasterKeyId"] = "primary",
            ["CallLoop:PhoneIndexKey"] = Key(101),
            [setting] = value,
        };
        foreach (var (key, set) in settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, set);
        }
    }

    private static string Key(int first) => Convert.ToBase64String(Enumerable.Range(first, 32).Select(i => (byte)i).ToArray());
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>Outside Development the silo must refuse to start without its own phone index key.</summary>
public sealed class PhoneIndexKeyStartupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQta2V5")]
    public void Given_production_without_a_usable_key_When_the_host_starts_Then_it_fails_naming_the_setting_only(string? key)
    {
        using var factory = new ProductionFactory(key);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains("CallLoop:PhoneIndexKey", validation.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, validation.Message, StringComparison.Ordinal);
        }
    }

    private sealed class ProductionFactory(string? key) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");

            // Never reached: validation fails before any hosted service (database, Orleans) starts.
            builder.UseSetting("ConnectionStrings:calloopdb", "Host=127.0.0.1;Port=1;Database=unused");

            // Valid bearer-token and master keys and certificates, so that the phone index key is the only setting missing.
            builder.UseSetting("CallLoop:Auth:SigningKey", Convert.ToBase64String(new byte[32]));
            builder.UseSetting("CallLoop:Encryption:MasterKeys:primary", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
            builder.UseSetting("CallLoop:Encryption:CurrentMasterKeyId", "primary");
            builder.UseSiloCertificates();
            if (key is not null)
            {
                builder.UseSetting("CallLoop:PhoneIndexKey", key);
            }
        }
    }
}

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
        using var factory = new ProductionSiloFactory("CallLoop:PhoneIndexKey", key);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains("CallLoop:PhoneIndexKey", validation.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, validation.Message, StringComparison.Ordinal);
        }
    }
}

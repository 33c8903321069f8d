using System.Security.Cryptography;
using CallLoop.Silo.Hosting;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>Outside Development the silo refuses a key that was published with the source code, whichever setting holds it.</summary>
public sealed class PublishedDevelopmentKeyStartupTests
{
    [Theory]
    [InlineData("CallLoop:Auth:SigningKey", PublishedDevelopmentKeys.BearerTokenSigningKey, "CallLoop:Auth:SigningKey")]
    [InlineData("CallLoop:Encryption:MasterKeys:primary", PublishedDevelopmentKeys.MasterKey, "CallLoop:Encryption:MasterKeys")]
    [InlineData("CallLoop:PhoneIndexKey", PublishedDevelopmentKeys.PhoneIndexKey, "CallLoop:PhoneIndexKey")]
    [InlineData("CallLoop:PhoneIndexKey", PublishedDevelopmentKeys.BearerTokenSigningKey, "CallLoop:PhoneIndexKey")]
    public void Given_production_with_a_published_development_key_When_the_host_starts_Then_it_fails_naming_the_setting_only(string setting, string published, string named)
    {
        using var factory = new ProductionSiloFactory(setting, published);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = Messages(error).ToArray();
        Assert.Contains(messages, m => m.Contains("development key published", StringComparison.Ordinal) && m.Contains(named, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(published, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_production_with_keys_of_its_own_When_the_host_is_configured_Then_none_is_refused_as_published()
    {
        Assert.False(PublishedDevelopmentKeys.Contains(NewKey()));
        Assert.True(PublishedDevelopmentKeys.Contains(" " + PublishedDevelopmentKeys.MasterKey + " "));
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }
            }
        }
    }
}

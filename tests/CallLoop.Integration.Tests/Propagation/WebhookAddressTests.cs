using System.Net;
using System.Text;
using CallLoop.Domain;
using CallLoop.Grains.Propagation;
using CallLoop.Integration.Tests.Http;
using CallLoop.Silo.Processors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>Server-side request forgery: where a webhook may go, checked when the URL is registered and again at every connection.</summary>
[Collection(PropagationCollection.Name)]
public sealed class WebhookAddressTests(PropagationSiloFactory silo)
{
    private readonly PropagationDriver driver = new(silo.CreateClient(), silo.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Given_a_name_that_resolves_to_loopback_When_a_webhook_is_sent_without_an_allowed_network_Then_no_connection_is_made_and_the_attempt_says_address_refused()
    {
        await using var receiver = await WebhookReceiver.HealthyAsync();
        var byName = new Uri(receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var body = Encoding.UTF8.GetBytes("{}");

        using (var closed = new WebhookSender(TimeProvider.System, Options.Create(new PropagationOptions())))
        {
            Assert.Equal((null, "address-refused"), await closed.SendAsync(byName, PropagationDriver.NewSecret(), "dl-1", body, TimeSpan.FromSeconds(5)));
            Assert.Equal((null, "address-refused"), await closed.SendAsync(new Uri(receiver.Url), PropagationDriver.NewSecret(), "dl-1", body, TimeSpan.FromSeconds(5)));
        }

        Assert.Empty(receiver.Requests);
        using var open = new WebhookSender(TimeProvider.System, Options.Create(new PropagationOptions { AllowedWebhookNetworks = [WebhookReceiver.Network] }));
        Assert.Equal((200, null), await open.SendAsync(byName, PropagationDriver.NewSecret(), "dl-2", body, TimeSpan.FromSeconds(5)));
        Assert.Single(receiver.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("http://192.168.0.10/hooks")]
    [InlineData("https://172.20.0.5/hooks")]
    [InlineData("http://127.0.0.2:8080/hooks")]
    [InlineData("http://[::1]:8080/hooks")]
    [InlineData("http://[::ffff:10.0.0.1]/hooks")]
    [InlineData("http://0.0.0.0/hooks")]
    public async Task Given_an_internal_address_When_a_processor_is_registered_with_it_Then_400_names_webhook_url_and_nothing_is_stored(string url)
    {
        var name = PropagationDriver.NewProcessorName("Internal");

        var field = await driver.Client.PostJsonAsync("/api/processors", new { name, type = "service-provider", address = "1 Way", webhookUrl = url, signingSecret = PropagationDriver.NewSecret() })
            .FieldProblemAsync();

        Assert.Equal("webhookUrl", field);
        Assert.Equal(HttpStatusCode.NotFound, (await driver.Client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}")).StatusCode);
    }

    [Fact]
    public void Given_production_When_a_webhook_url_is_http_Then_refused_and_https_is_taken()
    {
        var production = new WebhookDestinations(new HostingEnvironment { EnvironmentName = "Production" }, Options.Create(new PropagationOptions()));
        var development = new WebhookDestinations(new HostingEnvironment { EnvironmentName = "Development" }, Options.Create(new PropagationOptions()));

        var refused = Assert.Throws<InvalidCommandException>(() => production.Validate("http://hooks.example.com/callloop"));
        Assert.Equal("webhookUrl", refused.Field);
        Assert.Contains("https", refused.Message, StringComparison.Ordinal);
        Assert.Equal("https://hooks.example.com/callloop", production.Validate("https://hooks.example.com/callloop"));
        Assert.Equal("http://hooks.example.com/callloop", development.Validate("http://hooks.example.com/callloop"));
    }
}

using System.Net;
using CallLoop.Grains.Propagation;
using CallLoop.Silo.Reports;
using Microsoft.Extensions.Options;

namespace CallLoop.Silo.Processors;

/// <summary>
/// Which webhook URLs may be registered: absolute, without credentials, https outside Development (a webhook names
/// subjects and is signed; over http anyone on the path reads it), and not a literal internal address that
/// <see cref="WebhookAddresses"/> would refuse. Names are checked again after DNS at every attempt (<see cref="WebhookSender"/>).
/// </summary>
public sealed class WebhookDestinations(IHostEnvironment environment, IOptions<PropagationOptions> options)
{
    private readonly WebhookAddresses addresses = new(options.Value.AllowedWebhookNetworks);

    public string Validate(string? value)
    {
        var https = !environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(value)
            || value.Length > 2048
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && (https || url.Scheme != Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw QueryParameters.Invalid("webhookUrl", https
                ? "an absolute https URL without credentials, at most 2048 characters"
                : "an absolute http or https URL without credentials, at most 2048 characters");
        }

        if (IPAddress.TryParse(url.IdnHost, out var literal) && !addresses.Permits(literal))
        {
            throw QueryParameters.Invalid("webhookUrl", "a URL whose host is not a loopback, private, link-local or metadata address (see CallLoop:Propagation:AllowedWebhookNetworks)");
        }

        return url.AbsoluteUri;
    }
}

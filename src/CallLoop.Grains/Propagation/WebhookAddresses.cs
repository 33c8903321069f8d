using System.Net;
using System.Net.Sockets;

namespace CallLoop.Grains.Propagation;

/// <summary>
/// Which addresses a webhook may connect to. A processor's URL is typed by an admin but resolved by DNS at every
/// attempt, so a public name can come to point inside the network (server-side request forgery): loopback, private,
/// shared (CGNAT), link-local (which holds the cloud metadata services at 169.254.169.254 and fd00:ec2::254),
/// unique-local, multicast and unspecified addresses are refused unless a configured network allows them.
/// </summary>
public sealed class WebhookAddresses
{
    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/127"),
        IPNetwork.Parse("64:ff9b::/96"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] allowed;

    public WebhookAddresses(IEnumerable<string> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        allowed = allowedNetworks.Select(Network).ToArray();
    }

    /// <summary>Why <paramref name="networks"/> cannot be used, or null when they can.</summary>
    public static string? Problem(IEnumerable<string> networks) =>
        networks.All(n => IPNetwork.TryParse(n, out _))
            ? null
            : $"{PropagationOptions.Section}:AllowedWebhookNetworks must hold networks in CIDR notation, e.g. 10.20.0.0/16.";

    public bool Permits(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(n => n.Contains(plain)) || !Internal.Any(n => n.Contains(plain));
    }

    /// <summary>Connects to the first permitted address <paramref name="host"/> resolves to; refuses when there is none.</summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = IPAddress.TryParse(host.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host.Host, cancellationToken);
        var permitted = addresses.Where(Permits).ToArray();
        if (permitted.Length == 0)
        {
            throw new WebhookAddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, host.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static IPNetwork Network(string text) =>
        IPNetwork.TryParse(text, out var network)
            ? network
            : throw new ArgumentException(Problem([text]), nameof(text));
}

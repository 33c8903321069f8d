using System.Net;
using System.Net.Sockets;

namespace CallLoop.Testing;

/// <summary>
/// Ports for the servers tests start (silos, gateways, PostgreSQL, HTTP hosts). Asking the kernel for port 0 hands out
/// a port from its ephemeral range, the same range every outgoing connection (each pooled PostgreSQL connection) takes
/// its source port from: between the test releasing the probe and the server binding, a new connection may take the
/// port ("Address already in use"). These ports come from below that range, are checked free on every address, and are
/// never handed out twice in one process; test processes running side by side draw at random from 12,000 of them.
/// </summary>
public static class FreePorts
{
    // Linux's default ephemeral range starts at 32768 (/proc/sys/net/ipv4/ip_local_port_range); stay below it.
    private const int First = 20000;
    private const int Last = 32000;

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port nobody listens on now and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {Last} after 1,000 tries.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

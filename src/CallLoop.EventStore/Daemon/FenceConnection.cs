using Npgsql;

namespace CallLoop.EventStore.Daemon;

/// <summary>
/// The connection a shard's advisory lock is held on. PostgreSQL frees the lock when it sees the connection close: at
/// once when the silo's process dies on a live machine, but when a whole machine vanishes from the network the server
/// notices only through TCP keepalive, which by the operating system's default starts after two hours of silence. This
/// session asks the server to probe after <see cref="KeepAliveIdleSeconds"/> s of silence, every
/// <see cref="KeepAliveIntervalSeconds"/> s, and to give up after <see cref="KeepAliveCount"/> unanswered probes: a
/// vanished silo's shards are free again within about <see cref="FreedWithin"/>, whatever the server's own settings.
/// (On a Unix-domain socket the settings have no effect, and none is needed: the peer is on the same machine.)
/// </summary>
public static class FenceConnection
{
    public const int KeepAliveIdleSeconds = 10;
    public const int KeepAliveIntervalSeconds = 5;
    public const int KeepAliveCount = 3;

    /// <summary>How long after a vanished silo's last word the server closes its fence connections, at the latest.</summary>
    public static readonly TimeSpan FreedWithin = TimeSpan.FromSeconds(KeepAliveIdleSeconds + (KeepAliveIntervalSeconds * KeepAliveCount));

    /// <summary>Opens a connection of the shared data source with the server-side keepalive settings above.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var keepAlive = new NpgsqlCommand(
                "select set_config('tcp_keepalives_idle', $1, false), set_config('tcp_keepalives_interval', $2, false), set_config('tcp_keepalives_count', $3, false)",
                connection);
            keepAlive.Parameters.AddWithValue(KeepAliveIdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            keepAlive.Parameters.AddWithValue(KeepAliveIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            keepAlive.Parameters.AddWithValue(KeepAliveCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await keepAlive.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

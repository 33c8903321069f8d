using CallLoop.Domain;
using CallLoop.EventStore.Appending;
using Npgsql;

namespace CallLoop.Integration.Tests.Appending;

/// <summary>Events that carry a unique marker, to find each one in <c>mt_events</c> afterwards.</summary>
internal static class Marked
{
    public static ConsentGranted Event(string marker) => new()
    {
        Purpose = ConsentPurpose.MarketingEmail,
        Basis = ConsentBasis.Express,
        NoticeVersion = marker,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static StreamAppend Append(string streamId, long expectedVersion, params string[] markers) =>
        new(streamId, expectedVersion, markers.Select(m => (object)Event(m)).ToArray());

    /// <summary>Marker → (stream, version) of every stored copy of the event with that marker.</summary>
    public static async Task<ILookup<string, (string Stream, long Version)>> StoredAsync(NpgsqlDataSource dataSource, string streamPrefix)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT data->>'noticeVersion', stream_id, version FROM privacy.mt_events WHERE stream_id LIKE @prefix ORDER BY seq_id");
        command.Parameters.AddWithValue("prefix", streamPrefix + "%");
        var rows = new List<(string Marker, string Stream, long Version)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows.ToLookup(r => r.Marker, r => (r.Stream, r.Version));
    }

    public static string NewPrefix() => $"t{Guid.NewGuid():N}"[..12] + "-";
}

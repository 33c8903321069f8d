using Npgsql;
using NpgsqlTypes;

namespace CallLoop.EventStore.Appending;

/// <summary>The columns of a batch's <c>mt_events</c> rows, as arrays for one <c>unnest</c> insert.</summary>
internal sealed class EventRows(int capacity)
{
    private readonly List<Guid> ids = new(capacity);
    private readonly List<string> streams = new(capacity);
    private readonly List<long> versions = new(capacity);
    private readonly List<string> bodies = new(capacity);
    private readonly List<string> types = new(capacity);
    private readonly List<string> dotnetTypes = new(capacity);
    private readonly List<string?> causationIds = new(capacity);
    private readonly List<string?> correlationIds = new(capacity);
    private readonly List<string> headers = new(capacity);

    public Guid Add(string stream, long version, string body, string type, string dotnetType, string? causationId, string? correlationId, string headersJson)
    {
        var id = Guid.CreateVersion7();
        ids.Add(id);
        streams.Add(stream);
        versions.Add(version);
        bodies.Add(body);
        types.Add(type);
        dotnetTypes.Add(dotnetType);
        causationIds.Add(causationId);
        correlationIds.Add(correlationId);
        headers.Add(headersJson);
        return id;
    }

    public void AddParameters(NpgsqlParameterCollection parameters, DateTimeOffset timestamp)
    {
        parameters.Add(new NpgsqlParameter("timestamp", NpgsqlDbType.TimestampTz) { Value = timestamp });
        parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids.ToArray() });
        parameters.Add(new NpgsqlParameter("streams", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = streams.ToArray() });
        parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = versions.ToArray() });
        parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = bodies.ToArray() });
        parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = types.ToArray() });
        parameters.Add(new NpgsqlParameter("dotnet_types", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = dotnetTypes.ToArray() });
        parameters.Add(new NpgsqlParameter("causation_ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = causationIds.ToArray() });
        parameters.Add(new NpgsqlParameter("correlation_ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = correlationIds.ToArray() });
        parameters.Add(new NpgsqlParameter("headers", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = headers.ToArray() });
    }
}

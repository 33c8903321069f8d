using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using Npgsql;

namespace CallLoop.EventStore.CatchUps;

/// <summary>
/// Opt-outs stored before <see cref="OptedOut.FromNonSubject"/> existed (the member is absent from their JSON;
/// every later one carries it, true or false) whose stream has no registration before them: the people without an
/// account the flag would have marked, by the decider's own test (<see cref="SubjectState.IsRegistered"/> is set by
/// <see cref="SubjectRegistered"/> alone). Events are read, never rewritten.
/// </summary>
public sealed class UnflaggedOptOuts(NpgsqlDataSource db)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Each such person once, with the time of their latest such opt-out.</summary>
    public async Task<IReadOnlyList<(string SubjectId, DateTimeOffset OptedOutAt)>> OfPeopleWithoutAccountAsync(CancellationToken cancellationToken)
    {
        var events = $"{PrivacyEventStoreExtensions.SchemaName}.mt_events";
        await using var command = db.CreateCommand(
            $"""
            select o.stream_id, max((o.data ->> 'occurredAt')::timestamptz)
            from {events} o
            where o.type = @optedOut and o.data -> 'fromNonSubject' is null
              and not exists (
                  select 1 from {events} r
                  where r.stream_id = o.stream_id and r.type = @registered and r.version < o.version)
            group by o.stream_id
            order by o.stream_id
            """);
        command.CommandTimeout = (int)ReadTimeout.TotalSeconds;
        command.Parameters.AddWithValue("optedOut", EventTypeNames.All[typeof(OptedOut)]);
        command.Parameters.AddWithValue("registered", EventTypeNames.All[typeof(SubjectRegistered)]);
        var people = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return people;
    }
}

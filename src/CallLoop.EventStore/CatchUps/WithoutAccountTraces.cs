using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using Npgsql;

namespace CallLoop.EventStore.CatchUps;

/// <summary>
/// What arms the retention of people without an account, in history stored before that arming existed: requests
/// from non-subjects (<see cref="RightsRequestReceived.FromNonSubject"/>; those recorded before the retention reactor
/// armed nothing), and opt-outs stored before <see cref="OptedOut.FromNonSubject"/> existed (the member is absent from
/// their JSON; every later one carries it, true or false) whose stream has no registration before them, the decider's
/// own test (<see cref="SubjectState.IsRegistered"/> is set by <see cref="SubjectRegistered"/> alone). Events are read,
/// never rewritten.
/// </summary>
public sealed class WithoutAccountTraces(NpgsqlDataSource db)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Each such person once, with the time of their latest such event.</summary>
    public async Task<IReadOnlyList<(string SubjectId, DateTimeOffset At)>> LatestPerPersonAsync(CancellationToken cancellationToken)
    {
        var events = $"{PrivacyEventStoreExtensions.SchemaName}.mt_events";
        await using var command = db.CreateCommand(
            $"""
            select t.stream_id, max(t.at) from (
                select o.stream_id, (o.data ->> 'occurredAt')::timestamptz as at
                from {events} o
                where o.type = @optedOut and o.data -> 'fromNonSubject' is null
                  and not exists (
                      select 1 from {events} r
                      where r.stream_id = o.stream_id and r.type = @registered and r.version < o.version)
                union all
                select q.stream_id, (q.data ->> 'occurredAt')::timestamptz
                from {events} q
                where q.type = @received and q.data ->> 'fromNonSubject' = 'true'
            ) t
            group by t.stream_id
            order by t.stream_id
            """);
        command.CommandTimeout = (int)ReadTimeout.TotalSeconds;
        command.Parameters.AddWithValue("optedOut", EventTypeNames.All[typeof(OptedOut)]);
        command.Parameters.AddWithValue("registered", EventTypeNames.All[typeof(SubjectRegistered)]);
        command.Parameters.AddWithValue("received", EventTypeNames.All[typeof(RightsRequestReceived)]);
        var people = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return people;
    }
}

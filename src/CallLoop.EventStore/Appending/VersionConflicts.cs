using JasperFx.Events;

namespace CallLoop.EventStore.Appending;

internal static class VersionConflicts
{
    /// <summary>Marten's ways of saying that a stream moved (or already existed) under a writer.</summary>
    public static bool IsVersionConflict(Exception error) => error switch
    {
        EventStreamUnexpectedMaxEventIdException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException => true,
        JasperFx.ConcurrencyException => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" or "pk_mt_events_stream_and_version" } => true,
        _ when error.InnerException is not null => IsVersionConflict(error.InnerException),
        _ => false,
    };
}

namespace CallLoop.Silo.Failover;

/// <summary>
/// A dead or leaving silo on a grain call's way: the message to it was rejected, its connection failed, or it was
/// declared dead while the call was pending. An expected event in a cluster, never a 500.
/// </summary>
internal static class SiloUnavailability
{
    public static bool IsCause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is OrleansMessageRejectionException or SiloUnavailableException or global::Orleans.Runtime.Messaging.ConnectionFailedException)
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause))
            {
                return true;
            }
        }

        return false;
    }
}

namespace CallLoop.Integration.Tests.Publication;

/// <summary>Polls for something asynchronous (daemon, streams, reminders) with a generous limit for a loaded machine.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(200);
        }
    }
}

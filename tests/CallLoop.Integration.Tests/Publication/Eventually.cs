namespace CallLoop.Integration.Tests.Publication;

/// <summary>Polls for something asynchronous (daemon, streams, reminders) with a generous limit for a loaded machine.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        var pause = TimeSpan.FromMilliseconds(20);
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

            // Soon at first (most conditions hold within a few milliseconds), then every 200 ms.
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(200, pause.TotalMilliseconds * 2));
        }
    }
}

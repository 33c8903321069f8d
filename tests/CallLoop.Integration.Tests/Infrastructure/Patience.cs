namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>
/// How long a test waits for something asynchronous (the projection daemon, publication, a webhook, a reminder, a
/// silo or database coming back) before it fails. Every wait ends as soon as its condition holds, so a passing suite
/// never spends this; the one number is sized for a two-core machine shared with other builds (the async daemon then
/// needs over a minute for the reports' twenty thousand events) and tuned here only.
/// </summary>
internal static class Patience
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(120);
}

using CallLoop.Silo.Subjects;
using Microsoft.Extensions.Options;

namespace CallLoop.Silo.Failover;

/// <summary>
/// Runs a request's handler again, inside the host, when its grain call met a dead or leaving silo and running it
/// again cannot record twice: a read (GET), or a command that carries an Idempotency-Key (a repeat under the same key
/// is a no-op). The cluster moves a dead silo's grains once it declares the silo dead, so the attempts back off
/// (0.1 s doubling, at most 2 s apart) for <see cref="FailoverOptions.RetryFor"/>; then the failure reaches the
/// exception handler: 503 with Retry-After. A command without a key is never repeated here (it may have been recorded
/// before its answer was lost): it is answered 503 at once.
/// </summary>
internal sealed class SiloFailoverRetry(IOptions<FailoverOptions> options, TimeProvider clock, ILogger<SiloFailoverRetry> logger) : IEndpointFilter
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsRepeatable(http.Request))
        {
            return await next(context);
        }

        var giveUpAt = clock.GetUtcNow() + options.Value.RetryFor;
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (Exception exception) when (SiloUnavailability.IsCause(exception) && clock.GetUtcNow() + pause < giveUpAt && !http.RequestAborted.IsCancellationRequested)
            {
                logger.LogInformation(
                    "A silo was unavailable on {Method} {Route}; attempt {Attempt} repeated in {Pause} ms",
                    http.Request.Method,
                    RouteTemplate.Of(http.GetEndpoint()),
                    attempt,
                    pause.TotalMilliseconds);
                await Task.Delay(pause, clock, http.RequestAborted);
                pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 2));
            }
        }
    }

    private static bool IsRepeatable(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.HttpContext.IdempotencyKey() is not null;
}

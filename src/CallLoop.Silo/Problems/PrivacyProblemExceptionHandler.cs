using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Silo.Failover;
using CallLoop.Silo.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CallLoop.Silo.Problems;

/// <summary>
/// Turns the domain's typed errors into RFC 7807 problem details: 400 naming the field, 404 for unknown
/// subjects, requests or deliveries, 409 naming the rule. Messages carry ids and codes only, never personal values.
/// </summary>
internal sealed class PrivacyProblemExceptionHandler(IProblemDetailsService problems, ILogger<PrivacyProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            // Unknown failures are logged by type only: their messages may quote input.
            // The handler middleware has cleared the endpoint by now; the feature keeps the one that failed.
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
            logger.LogError("Unhandled {ExceptionType} on {Method} {Route}", exception.GetType().FullName, httpContext.Request.Method, RouteTemplate.Of(endpoint));
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        InvalidCommandException invalid => Problems.InvalidField(invalid.Field, invalid.Message),
        RuleViolationException rule => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "A privacy rule forbids this command.",
            Detail = rule.Message,
            Type = $"https://callloop.example/problems/{rule.Rule}",
            Extensions = { ["rule"] = rule.Rule },
        },
        IdempotencyKeyReusedException reused => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The idempotency key was already used by another command.",
            Detail = reused.Message,
            Type = $"https://callloop.example/problems/{IdempotencyKeyReusedException.Rule}",
            Extensions = { ["rule"] = IdempotencyKeyReusedException.Rule },
        },
        SubjectAlreadyRegisteredException registered => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The subject is already registered.",
            Detail = registered.Message,
            Extensions = { ["rule"] = "subject-already-registered" },
        },
        SubjectNotFoundException or RequestNotFoundException or DeliveryNotFoundException or IncidentNotFoundException => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found.",
            Detail = exception.Message,
        },
        ConcurrencyConflictException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The subject changed concurrently; nothing was appended. Retry the command.",
            Extensions = { ["rule"] = "concurrent-write" },
        },
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request body is larger than 64 KiB.",
        },
        BadHttpRequestException when UnknownJsonMember.NameIn(exception) is { } member => Problems.UnknownMember(member),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request is malformed.",
            Detail = "The body could not be read as the expected JSON.",
            Extensions = { ["field"] = "body" },
        },
        _ when SiloUnavailability.IsCause(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "A silo of the cluster went away while the command was on its way; it may not have been recorded. Retry with the same Idempotency-Key: a retry never records twice.",
        },
        _ when IsStoreUnavailable(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The event store is unavailable; the command may not have been recorded. Retry with the same Idempotency-Key: a retry never records twice.",
        },
        _ => null,
    };

    /// <summary>PostgreSQL unreachable or restarting, possibly wrapped by Marten or Orleans.</summary>
    private static bool IsStoreUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStoreUnavailable))
            {
                return true;
            }
        }

        return false;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.EventStore.Recipients;
using CallLoop.Grains.Keys;
using CallLoop.Silo.Security;
using Marten;

namespace CallLoop.Silo.Processors;

/// <summary>
/// Admin routes for processors: recipients of the recipient registry (same as /api/recipients) with the categories they receive, a
/// webhook URL and a signing secret, stored sealed under the current master key. Answers never contain the secret
/// (sealed or not), and nothing here logs it.
/// </summary>
internal static class ProcessorsApi
{
    public static IEndpointRouteBuilder MapProcessorsApi(this IEndpointRouteBuilder routes)
    {
        var processors = routes.MapGroup("/api/processors").WithTags("Processors");
        processors.MapPost("/", CreateAsync).WithName("CreateProcessor").RequireAuthorization(AccessPolicies.Admin);
        processors.MapPut("/{processorId}", PutAsync).WithName("PutProcessor").RequireAuthorization(AccessPolicies.Admin);
        processors.MapGet("/", ListAsync).WithName("ListProcessors").RequireAuthorization(AccessPolicies.Admin);
        processors.MapGet("/{processorId}", GetAsync).WithName("GetProcessor").RequireAuthorization(AccessPolicies.Admin);
        processors.MapDelete("/{processorId}", DeleteAsync).WithName("DeleteProcessor").RequireAuthorization(AccessPolicies.Admin);
        processors.MapAcknowledgements();
        return routes;
    }

    public static async Task<Results<Created<ProcessorView>, ProblemHttpResult>> CreateAsync(ProcessorBody body, IDocumentSession session, SigningSecretSealer sealer, WebhookDestinations destinations, CancellationToken cancellationToken)
    {
        var name = ProcessorRegistration.Name(body.Name);
        var recipient = ProcessorRegistration.Apply(name, body, existing: null, sealer, destinations);
        if (await session.LoadAsync<Recipient>(name, cancellationToken) is not null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Already registered.",
                detail: "A recipient or processor of that name is registered; update it with PUT.",
                extensions: new Dictionary<string, object?> { ["rule"] = "processor-exists", ["field"] = "name" });
        }

        session.Insert(recipient);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/processors/{Uri.EscapeDataString(name)}", ProcessorView.Of(recipient));
    }

    public static async Task<Ok<ProcessorView>> PutAsync(string processorId, ProcessorBody body, IDocumentSession session, SigningSecretSealer sealer, WebhookDestinations destinations, CancellationToken cancellationToken)
    {
        var name = ProcessorRegistration.Name(processorId);
        var existing = await session.LoadAsync<Recipient>(name, cancellationToken);
        var recipient = ProcessorRegistration.Apply(name, body, existing, sealer, destinations);
        session.Store(recipient);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProcessorView.Of(recipient));
    }

    public static async Task<Ok<List<ProcessorView>>> ListAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var recipients = await session.Query<Recipient>().Where(r => r.WebhookUrl != null).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(recipients.Select(ProcessorView.Of).ToList());
    }

    public static async Task<Results<Ok<ProcessorView>, ProblemHttpResult>> GetAsync(string processorId, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Recipient>(processorId, cancellationToken) is { WebhookUrl: not null } recipient
            ? TypedResults.Ok(ProcessorView.Of(recipient))
            : NotFound();

    /// <summary>Deliveries already planned for it stop at their next attempt (recorded as failed: processor-not-registered).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string processorId, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Recipient>(processorId, cancellationToken) is not { WebhookUrl: not null })
        {
            return NotFound();
        }

        session.Delete<Recipient>(processorId);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No processor of that name is registered.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Silo.Security;
using Marten;

namespace CallLoop.Silo.Reports.Recipients;

/// <summary>Admin routes for the recipient registry that Shine the Light answers quote names and addresses from.</summary>
internal static class RecipientsApi
{
    public static IEndpointRouteBuilder MapRecipients(this IEndpointRouteBuilder routes)
    {
        var recipients = routes.MapGroup("/api/recipients").WithTags("Recipients").RequireAuthorization(AccessPolicies.Admin);
        recipients.MapPut("/{name}", PutAsync).WithName("PutRecipient");
        recipients.MapGet("/", ListAsync).WithName("ListRecipients");
        recipients.MapGet("/{name}", GetAsync).WithName("GetRecipient");
        return routes;
    }

    public static async Task<Ok<RecipientView>> PutAsync(string name, RecipientBody body, IDocumentSession session, CancellationToken cancellationToken)
    {
        var id = RequiredText(name, "name", 256);
        var address = RequiredText(body.Address, "address", 1024);
        var type = QueryParameters.OptionalEnum<RecipientType>(body.Type, "type") ?? throw QueryParameters.Invalid("type", "one of " + string.Join(", ", EnumText.AllTexts<RecipientType>()));

        // A processor's webhook settings (see /api/processors) survive an update of its address or type.
        var recipient = await session.LoadAsync<Recipient>(id, cancellationToken) ?? new Recipient { Id = id };
        recipient.Address = address;
        recipient.Type = type;
        session.Store(recipient);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RecipientView.Of(recipient));
    }

    private static string RequiredText(string? value, string name, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max
            ? throw QueryParameters.Invalid(name, $"a non-empty text of at most {max} characters")
            : value.Trim();

    public static async Task<Ok<List<RecipientView>>> ListAsync(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok((await session.Query<Recipient>().OrderBy(r => r.Id).ToListAsync(cancellationToken)).Select(RecipientView.Of).ToList());

    public static async Task<Results<Ok<RecipientView>, ProblemHttpResult>> GetAsync(string name, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Recipient>(name, cancellationToken) is { } recipient
            ? TypedResults.Ok(RecipientView.Of(recipient))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No recipient of that name is registered.");
}

public sealed record RecipientBody(string? Address, string? Type);

/// <summary>A recipient as this registry shows it (a processor's webhook settings are under /api/processors, never its secret).</summary>
public sealed record RecipientView(string Id, string Address, RecipientType Type)
{
    public static RecipientView Of(Recipient recipient) => new(recipient.Id, recipient.Address, recipient.Type);
}

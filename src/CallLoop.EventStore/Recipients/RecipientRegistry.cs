using CallLoop.Domain;
using Marten;

namespace CallLoop.EventStore.Recipients;

/// <summary>
/// The recipient registry: the businesses personal information is disclosed to, one <see cref="Recipient"/> document
/// each (admins keep it through /api/recipients and /api/processors). A recipient with a webhook is a processor. This
/// class reads it for the grains that plan and send processors' webhooks.
/// </summary>
public sealed class RecipientRegistry(IDocumentStore store)
{
    /// <summary>Every processor (a recipient with a webhook and a signing secret), as propagation plans for it.</summary>
    public async Task<IReadOnlyList<ProcessorTarget>> ProcessorTargetsAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var recipients = await session.Query<Recipient>().Where(r => r.WebhookUrl != null).ToListAsync(cancellationToken);
        return recipients.Where(r => r.IsProcessor).Select(r => r.ToTarget()).ToList();
    }

    /// <summary>The recipient registered under <paramref name="name"/>, or null.</summary>
    public async Task<Recipient?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Recipient>(name, cancellationToken);
    }
}

using CallLoop.EventStore.Recipients;
using CallLoop.Grains.Keys;
using Marten;
using Marten.Exceptions;

namespace CallLoop.Silo.Processors;

/// <summary>
/// Part of a master key rotation: seals every processor's signing secret that is in clear (written before sealing
/// existed) or under an older master key anew under the current one. Each processor is re-read and written in its
/// own serializable transaction, so an update of the processor made meanwhile is never overwritten; on such a
/// conflict it is read again.
/// </summary>
internal static class ProcessorSecretResealing
{
    private const int Attempts = 3;

    /// <summary>How many secrets were sealed anew; idempotent (a second run reseals nothing).</summary>
    public static async Task<int> ResealAllAsync(IDocumentStore store, SigningSecretSealer sealer, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids;
        await using (var query = store.QuerySession())
        {
            ids = await query.Query<Recipient>().Where(r => r.SigningSecret != null).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var resealed = 0;
        foreach (var id in ids)
        {
            resealed += await ResealAsync(store, sealer, id, cancellationToken) ? 1 : 0;
        }

        return resealed;
    }

    private static async Task<bool> ResealAsync(IDocumentStore store, SigningSecretSealer sealer, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await store.LightweightSerializableSessionAsync(cancellationToken);
                if (await session.LoadAsync<Recipient>(id, cancellationToken) is not { } recipient || !ProcessorRegistration.Reseal(recipient, sealer))
                {
                    return false;
                }

                session.Store(recipient);
                await session.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (ConcurrentUpdateException) when (attempt < Attempts)
            {
            }
        }
    }
}

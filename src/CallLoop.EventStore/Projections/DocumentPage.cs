using JasperFx.Events;
using Marten;

namespace CallLoop.EventStore.Projections;

/// <summary>
/// The documents one page of events changes, folded in memory: every document the page names is loaded with one
/// query, each event is folded into the documents it names in order, and the caller writes them back at once.
/// </summary>
internal static class DocumentPage
{
    public static async Task<IReadOnlyList<(TDoc Document, int Events)>> FoldAsync<TDoc>(
        IDocumentOperations operations,
        IReadOnlyList<IEvent> events,
        Func<IEvent, IEnumerable<string>> keysOf,
        Func<TDoc?, string, IEvent, TDoc?> fold,
        Func<TDoc, string> idOf,
        CancellationToken cancellation)
        where TDoc : class
    {
        var touched = events.Select(e => (Event: e, Keys: keysOf(e).ToArray())).Where(t => t.Keys.Length > 0).ToList();
        if (touched.Count == 0)
        {
            return [];
        }

        var ids = touched.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal).ToArray();
        var loaded = await operations.LoadManyAsync<TDoc>(cancellation, ids);
        var documents = new Dictionary<string, (TDoc? Document, int Events)>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            documents[id] = (null, 0);
        }

        foreach (var document in loaded)
        {
            documents[idOf(document)] = (document, 0);
        }

        foreach (var (e, keys) in touched)
        {
            foreach (var key in keys)
            {
                var (document, count) = documents[key];
                documents[key] = (fold(document, key, e), count + 1);
            }
        }

        return documents.Values.Where(d => d.Document is not null).Select(d => (d.Document!, d.Events)).ToList();
    }
}

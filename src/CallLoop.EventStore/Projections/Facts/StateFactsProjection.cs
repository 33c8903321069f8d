using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Writes one SQL row per collected category and per disclosed category, stamped with the subject's state at
/// the time, so a state report over any window is one indexed query, and keeps the rollups (<see cref="ReportRollups"/>) that
/// answer the 12 months ending now without scanning the facts. A page of events is written with one statement per
/// table (the rollups' daily counts take two: out of the old day, into the new one). Replays are harmless (facts
/// are keyed by sequence, and a rollup never moves a subject's latest time backwards).
/// </summary>
public sealed class StateFactsProjection : IProjection
{
    private const string UnknownState = "unknown";

    public static string[] Tables { get; } =
    [
        ReportTables.Qualified(ReportTables.SubjectJurisdictions),
        ReportTables.Qualified(ReportTables.CollectionFacts),
        ReportTables.Qualified(ReportTables.DisclosureFacts),
        ReportTables.Qualified(ReportRollups.Latest),
        ReportTables.Qualified(ReportRollups.Daily),
    ];

    /// <summary>The events <see cref="Page.Add"/> reads; the daemon loads no other (a test holds the two together).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
        [typeof(SubjectRegistered), typeof(ResidencyChanged), typeof(PersonalInformationCollected), typeof(InformationDisclosed)];

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var page = new Page();
        foreach (var e in events)
        {
            page.Add(e);
        }

        page.Queue(operations);
        return Task.CompletedTask;
    }

    /// <summary>The subject's state as the table knows it, unless the page itself said otherwise (<c>?</c> is the page's own, or null).</summary>
    private static string StateOf(string row) =>
        $"coalesce({row}.state, (select j.state from {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} j where j.subject_id = {row}.subject_id), '{UnknownState}')";

    /// <summary>The rows of one page; a state is the one the page set before the fact, null where the table's holds.</summary>
    private sealed class Page
    {
        private readonly Dictionary<string, string> states = new(StringComparer.Ordinal);
        private readonly List<(long Sequence, string SubjectId, string? State, string Category, string Source, string Detail, string Purposes, DateTimeOffset At)> collections = [];
        private readonly List<(long Sequence, string Category, string SubjectId, string? State, string Purpose, string Recipient, string RecipientType, DateTimeOffset At)> disclosures = [];
        private readonly List<(string Kind, string Key, string SubjectId, string? State, DateTimeOffset At)> touches = [];

        public void Add(IEvent e)
        {
            var subjectId = e.StreamKey!;
            switch (e.Data)
            {
                case SubjectRegistered registered:
                    states[subjectId] = registered.Jurisdiction;
                    break;
                case ResidencyChanged moved:
                    states[subjectId] = moved.Jurisdiction;
                    break;
                case PersonalInformationCollected collected:
                    Collected(e.Sequence, subjectId, states.GetValueOrDefault(subjectId), collected);
                    break;
                case InformationDisclosed disclosed:
                    Disclosed(e.Sequence, subjectId, states.GetValueOrDefault(subjectId), disclosed);
                    break;
            }
        }

        private void Collected(long sequence, string subjectId, string? state, PersonalInformationCollected collected)
        {
            var at = collected.CollectedAt.ToUniversalTime();
            var purposes = collected.Purposes.Distinct().Select(EnumText.ToText).ToArray();
            collections.Add((sequence, subjectId, state, EnumText.ToText(collected.Category), EnumText.ToText(collected.Source), collected.SourceDetail ?? string.Empty, string.Join(',', purposes), at));
            touches.Add((ReportRollups.CategoryKind, EnumText.ToText(collected.Category), subjectId, state, at));
            touches.Add((ReportRollups.SourceKind, EnumText.ToText(collected.Source) + ReportRollups.KeySeparator + (collected.SourceDetail ?? string.Empty), subjectId, state, at));
            touches.AddRange(purposes.Select(p => (ReportRollups.PurposeKind, p, subjectId, state, at)));
        }

        private void Disclosed(long sequence, string subjectId, string? state, InformationDisclosed disclosed)
        {
            var at = disclosed.DisclosedAt.ToUniversalTime();
            var purpose = EnumText.ToText(SoldOrNot.ReportedPurpose(disclosed));
            var type = EnumText.ToText(disclosed.RecipientType);
            foreach (var category in disclosed.Categories.Distinct().Select(EnumText.ToText))
            {
                disclosures.Add((sequence, category, subjectId, state, purpose, disclosed.Recipient, type, at));
                touches.Add((ReportRollups.DisclosedKind(purpose), category + ReportRollups.KeySeparator + type, subjectId, state, at));
            }
        }

        public void Queue(IDocumentOperations ops)
        {
            if (collections.Count > 0)
            {
                ops.QueueSqlCommand(
                    $"""
                    insert into {ReportTables.Qualified(ReportTables.CollectionFacts)}
                        (seq_id, subject_id, state, category, source, source_detail, purposes, collected_at)
                    select r.seq_id, r.subject_id, {StateOf("r")}, r.category, r.source, nullif(r.source_detail, ''), string_to_array(r.purposes, ','), r.collected_at
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                        as r(seq_id, subject_id, state, category, source, source_detail, purposes, collected_at)
                    on conflict do nothing
                    """,
                    collections.Select(c => c.Sequence).ToArray(),
                    collections.Select(c => c.SubjectId).ToArray(),
                    collections.Select(c => c.State).ToArray(),
                    collections.Select(c => c.Category).ToArray(),
                    collections.Select(c => c.Source).ToArray(),
                    collections.Select(c => c.Detail).ToArray(),
                    collections.Select(c => c.Purposes).ToArray(),
                    collections.Select(c => c.At).ToArray());
            }

            if (disclosures.Count > 0)
            {
                ops.QueueSqlCommand(
                    $"""
                    insert into {ReportTables.Qualified(ReportTables.DisclosureFacts)}
                        (seq_id, category, subject_id, state, purpose, recipient, recipient_type, disclosed_at)
                    select r.seq_id, r.category, r.subject_id, {StateOf("r")}, r.purpose, r.recipient, r.recipient_type, r.disclosed_at
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                        as r(seq_id, category, subject_id, state, purpose, recipient, recipient_type, disclosed_at)
                    on conflict do nothing
                    """,
                    disclosures.Select(d => d.Sequence).ToArray(),
                    disclosures.Select(d => d.Category).ToArray(),
                    disclosures.Select(d => d.SubjectId).ToArray(),
                    disclosures.Select(d => d.State).ToArray(),
                    disclosures.Select(d => d.Purpose).ToArray(),
                    disclosures.Select(d => d.Recipient).ToArray(),
                    disclosures.Select(d => d.RecipientType).ToArray(),
                    disclosures.Select(d => d.At).ToArray());
            }

            if (touches.Count > 0)
            {
                ReportRollups.QueueTouches(
                    ops,
                    StateOf("t"),
                    touches.Select(t => t.Kind).ToArray(),
                    touches.Select(t => t.Key).ToArray(),
                    touches.Select(t => t.SubjectId).ToArray(),
                    touches.Select(t => t.State).ToArray(),
                    touches.Select(t => t.At).ToArray());
            }

            // Last: every fact above read the state as it stood before this page.
            if (states.Count > 0)
            {
                ops.QueueSqlCommand(
                    $"""
                    insert into {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} (subject_id, state)
                    select * from unnest(?::text[], ?::text[])
                    on conflict (subject_id) do update set state = excluded.state
                    """,
                    states.Keys.ToArray(),
                    states.Values.ToArray());
            }
        }
    }
}

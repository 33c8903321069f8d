using CallLoop.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>
/// Residency history and erasures, one SQL row each (async), so a breach assessment can tell who lived where
/// when the breach happened and who no longer held a category by then. A page of events is written with one
/// statement per table; replays are harmless (keyed by sequence).
/// </summary>
public sealed class ExposureFactsProjection : IProjection
{
    public static string[] Tables { get; } = [ReportTables.Qualified(ExposureTables.ResidencyFacts), ReportTables.Qualified(ExposureTables.ErasureFacts)];

    /// <summary>The events the fold below reads; the daemon loads no other (a test holds the two together).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [typeof(SubjectRegistered), typeof(ResidencyChanged), typeof(PersonalDataErased)];

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var moves = new List<(long Sequence, string SubjectId, string State, DateTimeOffset Since)>();
        var erasures = new List<(long Sequence, string Category, string SubjectId, DateTimeOffset ErasedAt)>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case SubjectRegistered registered:
                    moves.Add((e.Sequence, e.StreamKey!, registered.Jurisdiction, PageEvents.OccurredAt(e)));
                    break;
                case ResidencyChanged moved:
                    moves.Add((e.Sequence, e.StreamKey!, moved.Jurisdiction, PageEvents.OccurredAt(e)));
                    break;
                case PersonalDataErased erased:
                    erasures.AddRange(erased.ErasedCategories.Distinct().Select(c => (e.Sequence, EnumText.ToText(c), e.StreamKey!, PageEvents.OccurredAt(e))));
                    break;
            }
        }

        if (moves.Count > 0)
        {
            operations.QueueSqlCommand(
                $"""
                insert into {ReportTables.Qualified(ExposureTables.ResidencyFacts)} (seq_id, subject_id, state, since)
                select * from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[]) on conflict do nothing
                """,
                moves.Select(m => m.Sequence).ToArray(),
                moves.Select(m => m.SubjectId).ToArray(),
                moves.Select(m => m.State).ToArray(),
                moves.Select(m => m.Since).ToArray());
        }

        if (erasures.Count > 0)
        {
            operations.QueueSqlCommand(
                $"""
                insert into {ReportTables.Qualified(ExposureTables.ErasureFacts)} (seq_id, category, subject_id, erased_at)
                select * from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[]) on conflict do nothing
                """,
                erasures.Select(m => m.Sequence).ToArray(),
                erasures.Select(m => m.Category).ToArray(),
                erasures.Select(m => m.SubjectId).ToArray(),
                erasures.Select(m => m.ErasedAt).ToArray());
        }

        return Task.CompletedTask;
    }
}

using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.Testing;
using CsCheck;
using Marten;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// The consent ledger and the subject's own state fold consents and opt-outs through one function
/// (<see cref="ConsentEvolution"/>): over random valid histories, the ledger's view (each purpose's and scope's latest
/// entry, as the consent report reads it) is the subject's consents and opt-outs, in memory and on PostgreSQL.
/// </summary>
public sealed class ConsentLedgerFoldTests
{
    /// <summary>The latest entry of each purpose (consents) and scope (opt-outs), as the report's SQL picks it.</summary>
    private const string LatestEntries =
        """
        select distinct on (subject_id, entry in ('consent-granted', 'consent-withdrawn'), purpose)
               subject_id, entry, purpose, basis, notice_version, channel, method, request_id, occurred_at, evidence_kind, granted_at
        from privacy.report_consent_ledger
        order by subject_id, entry in ('consent-granted', 'consent-withdrawn'), purpose, occurred_at desc, seq_id desc
        """;

    [Fact]
    public void Given_random_valid_histories_When_folded_by_the_subject_and_mapped_to_ledger_rows_Then_the_ledger_view_is_the_subjects_consents()
    {
        var (withdrawnByRequest, optedOutByRequest, optedBackIn, backdated) = (0, 0, 0, 0);
        ConsentHistories.For("consent-fold").Sample(
            (subjectId, events) =>
            {
                var state = SubjectEvolver.Fold(events);
                var rows = events.Select((e, i) => ConsentLedgerRow.Of(i + 1, subjectId, e, e.OccurredAt)).OfType<ConsentLedgerRow>().ToList();

                Assert.Equal(ViewOf(subjectId, state), LedgerView(Latest(rows)));
                withdrawnByRequest += state.Consents.Values.Count(c => c is { Granted: false, WithdrawalRequestId: not null });
                optedOutByRequest += rows.Count(r => r is { Entry: ConsentLedgerEntries.OptedOut, RequestId: not null });
                optedBackIn += rows.Count(r => r.Entry == ConsentLedgerEntries.OptedBackIn);
                backdated += state.Consents.Values.Count(c => c.Granted && c.GrantedAt < events.Last(e => e is ConsentGranted g && g.Purpose == c.Purpose).OccurredAt);
            },
            iter: 400,
            threads: 1,
            print: history => $"{history.Item1}: {string.Join(", ", history.Item2.Select(e => e.GetType().Name))}");

        // The histories reach the entries a second copy of the transitions would get wrong, or the property proves little.
        Assert.True(withdrawnByRequest > 0 && optedOutByRequest > 0 && optedBackIn > 0 && backdated > 0, $"{withdrawnByRequest} {optedOutByRequest} {optedBackIn} {backdated}");
    }

    [Fact]
    public async Task Given_random_histories_stored_When_the_daemon_projects_the_ledger_Then_its_rows_are_the_mapped_ones_and_its_view_the_subjects_consents()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("consent-fold");
        using var store = DocumentStore.For(options =>
        {
            PrivacyEventStoreExtensions.ConfigureStore(options);
            options.Connection(connectionString);
        });
        var histories = ConsentHistories.For("consent-stored").Array[25].Single();
        await using (var session = store.LightweightSession())
        {
            foreach (var (subjectId, events) in histories)
            {
                session.Events.StartStream(subjectId, events.Cast<object>().ToArray());
            }

            await session.SaveChangesAsync();
        }

        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync(ProjectionNames.ConsentLedger, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var stored = await ReadAsync(connection, "select subject_id, entry, purpose, basis, notice_version, channel, method, request_id, occurred_at, evidence_kind, granted_at from privacy.report_consent_ledger order by seq_id");
        var mapped = histories.SelectMany(h => h.Events.Select(e => ConsentLedgerRow.Of(0, h.SubjectId, e, e.OccurredAt))).OfType<ConsentLedgerRow>().Select(Entry).ToList();
        Assert.True(mapped.Count > 100, $"only {mapped.Count} ledger rows");
        Assert.Equal(mapped.OrderBy(r => r.ToString(), StringComparer.Ordinal), stored.OrderBy(r => r.ToString(), StringComparer.Ordinal));

        var view = LedgerView(await ReadAsync(connection, LatestEntries));
        Assert.Equal(histories.SelectMany(h => ViewOf(h.SubjectId, SubjectEvolver.Fold(h.Events))).Order(), view);
    }

    /// <summary>What the subject's state says of each purpose and scope it ever consented to, withdrew or opted out of.</summary>
    private static List<ChannelState> ViewOf(string subjectId, SubjectState state) =>
    [
        .. state.Consents.Values.Select(c => c.Granted
            ? new ChannelState(subjectId, "consent", EnumText.ToText(c.Purpose), true, EnumText.ToText(c.Basis), c.NoticeVersion, c.Channel, null, null, ConsentLedgerRow.EvidenceKindOf(c), c.GrantedAt?.ToUniversalTime())
            : new ChannelState(subjectId, "consent", EnumText.ToText(c.Purpose), false, null, null, c.WithdrawalChannel, null, c.WithdrawalRequestId, null, c.WithdrawnAt?.ToUniversalTime()))
            .Concat(state.OptOuts.Values.Select(o => new ChannelState(subjectId, "opt-out", EnumText.ToText(o.Scope), true, null, null, null, EnumText.ToText(o.Method), o.RequestId, null, o.OptedOutAt.ToUniversalTime())))
            .Order(),
    ];

    /// <summary>The ledger's view: each purpose's latest consent entry, and each scope whose latest entry is an opt-out (an opt-back-in leaves none in force).</summary>
    private static List<ChannelState> LedgerView(IEnumerable<LedgerEntry> latest) =>
    [
        .. latest.Where(e => e.Entry != ConsentLedgerEntries.OptedBackIn).Select(e => e.Entry switch
        {
            ConsentLedgerEntries.Granted => new ChannelState(e.SubjectId, "consent", e.Purpose, true, e.Basis, e.NoticeVersion, e.Channel, null, null, e.EvidenceKind, e.GrantedAt),
            ConsentLedgerEntries.Withdrawn => new ChannelState(e.SubjectId, "consent", e.Purpose, false, null, null, e.Channel, null, e.RequestId, null, e.OccurredAt),
            _ => new ChannelState(e.SubjectId, "opt-out", e.Purpose, true, null, null, null, e.Method, e.RequestId, null, e.OccurredAt),
        }).Order(),
    ];

    /// <summary>The same choice of latest entry as <see cref="LatestEntries"/>, in memory.</summary>
    private static IEnumerable<LedgerEntry> Latest(IEnumerable<ConsentLedgerRow> rows) =>
        rows.GroupBy(r => (r.SubjectId, IsConsent: r.Entry is ConsentLedgerEntries.Granted or ConsentLedgerEntries.Withdrawn, r.Purpose))
            .Select(g => g.OrderBy(r => r.OccurredAt).ThenBy(r => r.Sequence).Last())
            .Select(Entry);

    private static LedgerEntry Entry(ConsentLedgerRow r) =>
        new(r.SubjectId, r.Entry, r.Purpose, r.Basis, r.NoticeVersion, r.Channel, r.Method, r.RequestId, r.OccurredAt.ToUniversalTime(), r.EvidenceKind, r.GrantedAt?.ToUniversalTime());

    private static async Task<List<LedgerEntry>> ReadAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            entries.Add(new LedgerEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5), Text(6), Text(7),
                reader.GetFieldValue<DateTimeOffset>(8).ToUniversalTime(), Text(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10).ToUniversalTime()));
        }

        return entries;
    }

    /// <summary>A ledger row without its sequence and free-text evidence.</summary>
    private sealed record LedgerEntry(
        string SubjectId, string Entry, string Purpose, string? Basis, string? NoticeVersion, string? Channel, string? Method, string? RequestId, DateTimeOffset OccurredAt, string? EvidenceKind, DateTimeOffset? GrantedAt);

    /// <summary>One purpose's consent or one scope's opt-out: whether it is on, and what says so.</summary>
    private sealed record ChannelState(
        string SubjectId, string Kind, string Purpose, bool On, string? Basis, string? NoticeVersion, string? Channel, string? Method, string? RequestId, string? EvidenceKind, DateTimeOffset? At)
        : IComparable<ChannelState>
    {
        public int CompareTo(ChannelState? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }
}

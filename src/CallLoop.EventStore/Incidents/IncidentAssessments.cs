using System.Text.Json;
using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections.Facts;
using Marten;
using Npgsql;

namespace CallLoop.EventStore.Incidents;

/// <summary>
/// The assessment's SQL, over the analysts' fact tables (never a scan of the streams): everyone who held one of the
/// incident's categories at some time in its window, i.e. a collection fact at or before the window's end whose
/// category was not erased between that collection and the window's start, attributed to the jurisdiction they lived
/// in at the window's end (residency history). Run in chunks, one per state the facts were collected in, so the job
/// can report progress; every chunk is an indexed range of the facts and an idempotent upsert.
/// </summary>
public sealed class IncidentAssessments(NpgsqlDataSource db)
{
    /// <summary>Identifiers (CCPA "A") hold the contact details; once erased there is nothing left to notify with.</summary>
    private static readonly string Identifiers = EnumText.ToText(PersonalInformationCategory.Identifiers);

    private static readonly TimeSpan ChunkTimeout = TimeSpan.FromMinutes(30);

    private static string Facts => ReportTables.Qualified(ReportTables.CollectionFacts);

    private static string Residency => ReportTables.Qualified(ExposureTables.ResidencyFacts);

    private static string Erasures => ReportTables.Qualified(ExposureTables.ErasureFacts);

    private static string Subjects => ReportTables.Qualified(IncidentTables.Subjects);

    /// <summary>The chunks: one per known state code (as the facts stamp it), then one for every other code.</summary>
    public static IReadOnlyList<string> Chunks { get; } =
    [
        .. JurisdictionTable.ListedCodes
            .Concat(JurisdictionTable.OtherUsCodes)
            .Concat(BreachNotificationTable.All.Select(r => r.Code))
            .Append("unknown")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
        OtherStatesChunk,
    ];

    public const string OtherStatesChunk = "*";

    /// <summary>Upserts the chunk's affected subjects under <paramref name="assessment"/>; answers how many it found.</summary>
    public async Task<long> AssessChunkAsync(string incidentId, int assessment, IncidentFacts facts, string chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var known = Chunks.Where(c => c != OtherStatesChunk).ToArray();
        var filter = chunk == OtherStatesChunk ? "c.state <> all(@known)" : "c.state = @chunk";
        await using var command = db.CreateCommand(
            $"""
            with held as (
                select c.subject_id, min(c.state) as collected_state
                from {Facts} c
                where {filter} and c.category = any(@categories) and c.collected_at <= @to
                  and not exists (
                      select 1 from {Erasures} e
                      where e.subject_id = c.subject_id and e.category = c.category
                        and e.erased_at >= c.collected_at and e.erased_at < @from)
                group by c.subject_id
            )
            insert into {Subjects} (incident_id, subject_id, jurisdiction, notifiable, assessment)
            select @incident, h.subject_id, coalesce(at_time.state, earliest.state, h.collected_state),
                   not exists (select 1 from {Erasures} e where e.subject_id = h.subject_id and e.category = @identifiers),
                   @assessment
            from held h
            left join lateral (
                select r.state from {Residency} r where r.subject_id = h.subject_id and r.since <= @to
                order by r.since desc, r.seq_id desc limit 1) at_time on true
            left join lateral (
                select r.state from {Residency} r where r.subject_id = h.subject_id
                order by r.since, r.seq_id limit 1) earliest on true
            on conflict (incident_id, subject_id) do update
                set jurisdiction = excluded.jurisdiction, notifiable = excluded.notifiable, assessment = excluded.assessment
            """);
        command.CommandTimeout = (int)ChunkTimeout.TotalSeconds;
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("assessment", assessment);
        command.Parameters.AddWithValue("chunk", chunk);
        command.Parameters.AddWithValue("known", known);
        command.Parameters.AddWithValue("categories", facts.Categories.Select(EnumText.ToText).ToArray());
        command.Parameters.AddWithValue("from", facts.OccurredFrom.ToUniversalTime());
        command.Parameters.AddWithValue("to", facts.OccurredTo.ToUniversalTime());
        command.Parameters.AddWithValue("identifiers", Identifiers);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops subjects an earlier assessment found that this one did not (a corrected window or categories).</summary>
    public async Task DropEarlierAsync(string incidentId, int assessment, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"delete from {Subjects} where incident_id = @incident and assessment < @assessment");
        command.CommandTimeout = (int)ChunkTimeout.TotalSeconds;
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("assessment", assessment);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AffectedJurisdiction>> CountAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"""
            select jurisdiction, count(*), count(*) filter (where notifiable)
            from {Subjects} where incident_id = @incident group by jurisdiction order by jurisdiction
            """);
        command.CommandTimeout = (int)ChunkTimeout.TotalSeconds;
        command.Parameters.AddWithValue("incident", incidentId);
        var counts = new List<AffectedJurisdiction>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new AffectedJurisdiction { Jurisdiction = reader.GetString(0), Affected = reader.GetInt64(1), Notifiable = reader.GetInt64(2) });
        }

        return counts;
    }

    /// <summary>The notifiable subjects of one jurisdiction after <paramref name="after"/> (keyset paging by subject id).</summary>
    public async Task<IReadOnlyList<IncidentSubject>> PageAsync(string incidentId, string jurisdiction, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"""
            select subject_id, jurisdiction, notifiable, noticed_at from {Subjects}
            where incident_id = @incident and jurisdiction = @jurisdiction and notifiable and subject_id > @after
            order by subject_id limit @limit
            """);
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("jurisdiction", jurisdiction);
        command.Parameters.AddWithValue("after", after ?? string.Empty);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<IncidentSubject>> FindAsync(string incidentId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"select subject_id, jurisdiction, notifiable, noticed_at from {Subjects} where incident_id = @incident and subject_id = any(@ids)");
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("ids", subjectIds.ToArray());
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Marks subjects noticed, in the transaction that records the incident's notice counts.</summary>
    internal static void QueueNoticed(IDocumentOperations operations, string incidentId, IReadOnlyCollection<string> subjectIds, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(operations);
        operations.QueueSqlCommand(
            $"update {Subjects} set noticed_at = ? where incident_id = ? and subject_id = any(?) and noticed_at is null",
            sentAt.ToUniversalTime(),
            incidentId,
            subjectIds.ToArray());
    }

    /// <summary>
    /// Ids of the incidents whose stream has no line in the list of incidents: those reported before the list existed
    /// (every later event writes its incident's line in its own transaction).
    /// </summary>
    public async Task<IReadOnlyList<string>> UnlistedAsync(CancellationToken cancellationToken)
    {
        var prefix = IncidentStreams.StreamId(string.Empty);
        await using var command = db.CreateCommand(
            $"""
            select substr(s.id, @from) from {PrivacyEventStoreExtensions.SchemaName}.mt_streams s
            where left(s.id, @length) = @prefix
              and not exists (select 1 from {ReportTables.Qualified(IncidentTables.Incidents)} i where i.incident_id = substr(s.id, @from))
            order by 1
            """);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("length", prefix.Length);
        command.Parameters.AddWithValue("from", prefix.Length + 1);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Writes the incident's line unless it has one: a line written meanwhile with a newer event of the incident
    /// is never overwritten by this older fold.
    /// </summary>
    public async Task AddSummaryIfAbsentAsync(IncidentSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var (sql, values) = SummaryUpsert(summary, replace: false);
        var position = 0;
        await using var command = db.CreateCommand(string.Concat(sql.Select(c => c == '?' ? $"${++position}" : c.ToString())));
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The incident's line of the list of incidents, in the transaction of its events.</summary>
    internal static void QueueSummary(IDocumentOperations operations, IncidentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var (sql, values) = SummaryUpsert(summary, replace: true);
        operations.QueueSqlCommand(sql, values!);
    }

    private const string ReplaceLine =
        """
        update set
            discovered_at = excluded.discovered_at, reported_at = excluded.reported_at, assessment = excluded.assessment,
            assessment_status = excluded.assessment_status, affected = excluded.affected,
            failed_attempts = excluded.failed_attempts, error_type = excluded.error_type
        """;

    /// <summary>The insert (replacing the line or leaving it) with '?' placeholders (Marten's queued form; numbered for a plain command).</summary>
    private static (string Sql, object?[] Values) SummaryUpsert(IncidentSummary summary, bool replace) => (
        $"""
        insert into {ReportTables.Qualified(IncidentTables.Incidents)}
            (incident_id, discovered_at, reported_at, assessment, assessment_status, affected, failed_attempts, error_type)
        values (?, ?, ?::timestamptz, ?, ?, ?, ?, ?::text)
        on conflict (incident_id) do {(replace ? ReplaceLine : "nothing")}
        """,
        [
            summary.IncidentId,
            summary.DiscoveredAt.ToUniversalTime(),
            summary.ReportedAt?.ToUniversalTime(),
            summary.Assessment,
            summary.AssessmentStatus,
            summary.Affected,
            summary.FailedAttempts,
            summary.ErrorType,
        ]);

    /// <summary>Rewrites the incident's obligation rows (analytics.incident_obligations, the metric) with its events.</summary>
    internal static void QueueObligations(
        IDocumentOperations operations, string incidentId, DateTimeOffset discoveredAt, IReadOnlyList<JurisdictionObligation> obligations, TimeSpan dueSoonLead)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(obligations);
        var table = ReportTables.Qualified(IncidentTables.Obligations);
        var rows = obligations.SelectMany(o => new[]
        {
            Row(o, BreachObligationKind.Individuals, o.IndividualNoticeRequired, o.IndividualNoticeDeadline, o.IndividualNoticeDueAt, o.IndividualNoticesCompletedAt, dueSoonLead),
            Row(o, BreachObligationKind.Regulator, o.RegulatorNoticeRequired, null, o.RegulatorNoticeDueAt, o.RegulatorNotifiedAt, dueSoonLead),
            Row(o, BreachObligationKind.CreditBureaus, o.CreditBureausRequired, null, o.CreditBureausDueAt, o.CreditBureausNotifiedAt, dueSoonLead),
        });
        operations.QueueSqlCommand($"delete from {table} where incident_id = ?", incidentId);
        operations.QueueSqlCommand(
            $"""
            insert into {table} (incident_id, jurisdiction, obligation, required, affected, deadline, due_at, due_soon_at, met_at, discovered_at)
            select ?, x.jurisdiction, x.obligation, x.required, x.affected, x.deadline, x.due_at, x.due_soon_at, x.met_at, ?
            from jsonb_to_recordset(?::jsonb) as x(jurisdiction text, obligation text, required boolean, affected bigint, deadline text,
                                                   due_at timestamptz, due_soon_at timestamptz, met_at timestamptz)
            """,
            incidentId,
            discoveredAt.ToUniversalTime(),
            JsonSerializer.Serialize(rows));
    }

    private static Dictionary<string, object?> Row(
        JurisdictionObligation o, BreachObligationKind kind, bool required, string? deadline, DateTimeOffset? dueAt, DateTimeOffset? metAt, TimeSpan lead) => new()
    {
        ["jurisdiction"] = o.Jurisdiction,
        ["obligation"] = EnumText.ToText(kind),
        ["required"] = required,
        ["affected"] = o.Affected,
        ["deadline"] = deadline,
        ["due_at"] = dueAt?.ToUniversalTime(),
        ["due_soon_at"] = (dueAt - lead)?.ToUniversalTime(),
        ["met_at"] = metAt?.ToUniversalTime(),
    };

    private static async Task<IReadOnlyList<IncidentSubject>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<IncidentSubject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new IncidentSubject(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }
}

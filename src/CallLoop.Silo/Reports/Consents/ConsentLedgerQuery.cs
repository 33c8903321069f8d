using System.Runtime.CompilerServices;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Facts;
using Npgsql;

namespace CallLoop.Silo.Reports.Consents;

internal static class ConsentLedgerQuery
{
    private static readonly string Ledger = ReportTables.Qualified(ReportTables.ConsentLedger);

    private static readonly string Jurisdictions = ReportTables.Qualified(ReportTables.SubjectJurisdictions);

    /// <summary>The law's expiry of a granted consent (CASL's implied consents), by the same rule contactability uses.</summary>
    private static DateTimeOffset? Expiry(string? basis, string? evidenceKind, DateTimeOffset? grantedAt, string? jurisdiction)
    {
        if (!EnumText.TryParse<ConsentBasis>(basis, out var parsed) || grantedAt is null)
        {
            return null;
        }

        ImpliedBy? impliedBy = evidenceKind?.StartsWith("implied-by:", StringComparison.Ordinal) == true
            && EnumText.TryParse<ImpliedBy>(evidenceKind["implied-by:".Length..], out var by) ? by : null;
        return TextConsentValidity.ExpiresAt(new ConsentRecord { Basis = parsed, ImpliedBy = impliedBy, GrantedAt = grantedAt }, jurisdiction);
    }

        public static async Task<ConsentLedgerReport> RunAsync(NpgsqlDataSource db, string purpose, DateTimeOffset asOf, int limit, ConsentLedgerCursor? after, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var consenting = await CountLatestAsync(connection, purpose, asOf, ConsentLedgerEntries.Granted, ConsentLedgerEntries.Withdrawn, cancellationToken);
        var optedOut = await CountLatestAsync(connection, purpose, asOf, ConsentLedgerEntries.OptedOut, ConsentLedgerEntries.OptedBackIn, cancellationToken);
        var entries = new List<ConsentLedgerLine>();
        ConsentLedgerCursor? last = null;
        await foreach (var (line, cursor) in LinesAsync(connection, purpose, asOf, limit, after, cancellationToken))
        {
            entries.Add(line);
            last = cursor;
        }

        return new ConsentLedgerReport(purpose, asOf, consenting, optedOut, entries, entries.Count == limit ? last?.ToText() : null);
    }

    /// <summary>The page's lines as the database returns them, none kept: what the CSV writes row by row.</summary>
    public static async IAsyncEnumerable<ConsentLedgerLine> StreamAsync(NpgsqlDataSource db, string purpose, DateTimeOffset asOf, int limit, ConsentLedgerCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await foreach (var (line, _) in LinesAsync(connection, purpose, asOf, limit, after, cancellationToken))
        {
            yield return line;
        }
    }

    private static async IAsyncEnumerable<(ConsentLedgerLine Line, ConsentLedgerCursor After)> LinesAsync(NpgsqlConnection connection, string purpose, DateTimeOffset asOf, int limit, ConsentLedgerCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select l.subject_id, l.entry, l.basis, l.notice_version, l.channel, l.method, l.request_id, l.occurred_at, l.seq_id, l.evidence_kind, l.granted_at, j.state
            from {Ledger} l left join {Jurisdictions} j on j.subject_id = l.subject_id
            where l.purpose = $1 and l.occurred_at <= $2 and ($4::timestamptz is null or (l.occurred_at, l.seq_id) > ($4, $5))
            order by l.occurred_at, l.seq_id limit $3
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = purpose });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.OccurredAt.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = after?.Sequence ?? 0L });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var occurredAt = reader.GetFieldValue<DateTimeOffset>(7);
            var evidenceKind = Text(9);
            DateTimeOffset? grantedAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10);
            var line = new ConsentLedgerLine(
                reader.GetString(0), reader.GetString(1), Text(2), Text(3), Text(4), Text(5), Text(6), occurredAt,
                evidenceKind, Expiry(Text(2), evidenceKind, grantedAt, Text(11)));
            yield return (line, new ConsentLedgerCursor(occurredAt, reader.GetInt64(8)));
        }
    }

    /// <summary>Subjects whose latest on/off entry for the purpose, up to <paramref name="asOf"/>, is <paramref name="on"/>.</summary>
    private static async Task<long> CountLatestAsync(NpgsqlConnection connection, string purpose, DateTimeOffset asOf, string on, string off, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select count(*) from (
                select distinct on (subject_id) subject_id, entry
                from {Ledger} where purpose = $1 and occurred_at <= $2 and entry in ($3, $4)
                order by subject_id, occurred_at desc, seq_id desc) latest
            where entry = $3
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = purpose });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = on });
        command.Parameters.Add(new NpgsqlParameter { Value = off });
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}

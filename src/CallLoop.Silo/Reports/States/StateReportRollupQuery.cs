using CallLoop.EventStore.Projections.Facts;
using Npgsql;

namespace CallLoop.Silo.Reports.States;

/// <summary>
/// The state report from the rollups (<see cref="ReportRollups"/>): exact only for a window that no fact of the
/// state postdates, which the caller checks first. One round trip for every section.
/// </summary>
internal static class StateReportRollupQuery
{
    private static readonly string Latest = ReportTables.Qualified(ReportRollups.Latest);
    private static readonly string Daily = ReportTables.Qualified(ReportRollups.Daily);

    private static readonly string[] DisclosurePurposes = ["business-purpose", "sale", "sharing"];

    private static readonly string Sql = $"""
        select kind, key, sum(n)::bigint from (
            select kind, key, subjects as n from {Daily} where kind = any($1) and state = $2 and day > $3
            union all
            select kind, key, count(*) as n from {Latest}
            where kind = any($1) and state = $2 and last_at > $4 and last_at < $5
            group by kind, key
        ) t
        group by kind, key
        having sum(n) > 0
        """;

    public static async Task<StateCategoryReport> RunAsync(NpgsqlConnection connection, string state, ReportWindow window, CancellationToken cancellationToken)
    {
        var from = window.From.ToUniversalTime();
        var fromDay = DateOnly.FromDateTime(from.UtcDateTime);
        var nextDay = new DateTimeOffset(fromDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        string[] kinds = [ReportRollups.CategoryKind, ReportRollups.SourceKind, ReportRollups.PurposeKind, .. DisclosurePurposes.Select(ReportRollups.DisclosedKind)];

        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = kinds });
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        command.Parameters.Add(new NpgsqlParameter { Value = fromDay });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = nextDay });
        var rows = new List<(string Kind, string Key, long Subjects)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        IEnumerable<(string Key, long Subjects)> Of(string kind) =>
            rows.Where(r => r.Kind == kind).Select(r => (r.Key, r.Subjects)).OrderBy(r => r.Key, StringComparer.Ordinal);

        List<RecipientCount> Disclosed(string purpose) =>
            Of(ReportRollups.DisclosedKind(purpose)).Select(r => new RecipientCount(First(r.Key), Second(r.Key), r.Subjects)).ToList();

        return new StateCategoryReport(
            state,
            window.From,
            window.To,
            Of(ReportRollups.CategoryKind).Select(r => new CategoryCount(r.Key, r.Subjects)).ToList(),
            Of(ReportRollups.SourceKind)
                .Select(r => new SourceCount(First(r.Key), Second(r.Key) is { Length: > 0 } detail ? detail : null, r.Subjects))
                .OrderBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.SourceDetail is not null).ThenBy(s => s.SourceDetail, StringComparer.Ordinal)
                .ToList(),
            Of(ReportRollups.PurposeKind).Select(r => new PurposeCount(r.Key, r.Subjects)).ToList(),
            Disclosed(DisclosurePurposes[0]),
            Disclosed(DisclosurePurposes[1]),
            Disclosed(DisclosurePurposes[2]));
    }

    private static string First(string key) => key.IndexOf(ReportRollups.KeySeparator, StringComparison.Ordinal) is var at and >= 0 ? key[..at] : key;

    private static string Second(string key) => key.IndexOf(ReportRollups.KeySeparator, StringComparison.Ordinal) is var at and >= 0 ? key[(at + 1)..] : string.Empty;
}

using CallLoop.EventStore.Projections.Facts;
using Npgsql;
using NpgsqlTypes;

namespace CallLoop.Silo.Reports.Consents;

/// <summary>
/// The consent ledger over time, computed in SQL: each subject's entries per purpose become +1 (turned on) and -1
/// (turned off) changes, summed per period and accumulated, so a period's count is the subjects whose latest entry by
/// its end is a grant (or an opt-out), the rule the ledger's point-in-time counts use.
/// </summary>
internal static class ConsentSeriesQuery
{
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";

    /// <summary>The most periods one answer holds (about 2.7 years by day).</summary>
    public const int MaxPeriods = 1000;

    private static readonly string Ledger = ReportTables.Qualified(ReportTables.ConsentLedger);

    /// <summary>The start of the period holding <paramref name="at"/>, in UTC (weeks start on Monday, as PostgreSQL's date_trunc).</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset at, string interval)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return interval switch
        {
            Month => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
            Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            _ => day,
        };
    }

    public static DateTimeOffset Next(DateTimeOffset start, string interval) => interval switch
    {
        Month => start.AddMonths(1),
        Week => start.AddDays(7),
        _ => start.AddDays(1),
    };

    public static IReadOnlyList<DateTimeOffset> Periods(DateTimeOffset from, DateTimeOffset to, string interval)
    {
        var periods = new List<DateTimeOffset>();
        for (var start = PeriodStart(from, interval); start <= to && periods.Count <= MaxPeriods; start = Next(start, interval))
        {
            periods.Add(start);
        }

        return periods;
    }

    public static async Task<ConsentSeriesReport> RunAsync(NpgsqlDataSource db, IReadOnlyList<string> purposes, DateTimeOffset from, DateTimeOffset to, string interval, IReadOnlyList<DateTimeOffset> periods, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            with marks as (
                select purpose, entry in ($3, $5) as turned_on, entry in ($3, $4) as consent, occurred_at,
                       coalesce(lag(entry in ($3, $5)) over (partition by purpose, entry in ($3, $4), subject_id order by occurred_at, seq_id), false) as was_on
                from {Ledger}
                where purpose = any($1) and entry in ($3, $4, $5, $6) and occurred_at < $7
            ),
            changes as (
                select purpose, consent, greatest(date_trunc($2, occurred_at at time zone 'UTC') at time zone 'UTC', $8) as period,
                       sum(turned_on::int - was_on::int) as delta
                from marks group by 1, 2, 3
            ),
            grid as (select p.period, u.purpose from unnest($9::timestamptz[]) p(period) cross join unnest($1::text[]) u(purpose))
            select g.purpose, g.period,
                   sum(coalesce(sum(c.delta) filter (where c.consent), 0)) over (partition by g.purpose order by g.period) as consenting,
                   sum(coalesce(sum(c.delta) filter (where not c.consent), 0)) over (partition by g.purpose order by g.period) as opted_out
            from grid g left join changes c on c.purpose = g.purpose and c.period = g.period
            group by g.purpose, g.period
            order by g.purpose, g.period
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = purposes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = interval });
        command.Parameters.Add(new NpgsqlParameter { Value = ConsentLedgerEntries.Granted });
        command.Parameters.Add(new NpgsqlParameter { Value = ConsentLedgerEntries.Withdrawn });
        command.Parameters.Add(new NpgsqlParameter { Value = ConsentLedgerEntries.OptedOut });
        command.Parameters.Add(new NpgsqlParameter { Value = ConsentLedgerEntries.OptedBackIn });
        command.Parameters.Add(new NpgsqlParameter { Value = Next(periods[^1], interval).ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = periods[0].ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = periods.Select(p => p.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });

        var consenting = purposes.ToDictionary(p => p, _ => new List<long>());
        var optedOut = purposes.ToDictionary(p => p, _ => new List<long>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var purpose = reader.GetString(0);
            consenting[purpose].Add(Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
            optedOut[purpose].Add(Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ConsentSeriesReport(from, to, interval, periods, [.. purposes.Select(p => new ConsentSeries(p, consenting[p], optedOut[p]))]);
    }
}

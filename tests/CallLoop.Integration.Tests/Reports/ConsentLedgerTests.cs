using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

[Collection(ReportsCollection.Name)]
public sealed class ConsentLedgerTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    private static DateTimeOffset At(int month, int day) => new(2012, month, day, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_grants_withdrawals_and_opt_outs_When_ledger_is_read_as_of_a_moment_Then_counts_and_entries_match_that_moment_without_evidence()
    {
        // 2012: no other test records marketing-sms choices that early.
        var (a, b, c) = (ReportsDriver.NewId("ledger-a"), ReportsDriver.NewId("ledger-b"), ReportsDriver.NewId("ledger-c"));
        await driver.AppendAsync(
        [
            (a, [new SubjectRegistered { Jurisdiction = "TX" }, Granted(At(1, 10), "web-form:v1"), new ConsentWithdrawn { Purpose = ConsentPurpose.MarketingSms, Evidence = "STOP", OccurredAt = At(3, 1) }]),
            (b, [new SubjectRegistered { Jurisdiction = "TX" }, Granted(At(2, 1), "sms-double-opt-in")]),
            (c, [new SubjectRegistered { Jurisdiction = "TX" }, new OptedOut { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword, OccurredAt = At(2, 15) }]),
        ]);
        await driver.WaitForProjectionsAsync();

        using var february = await driver.GetJsonAsync("/api/reports/consents?purpose=marketing-sms&asOf=2012-02-20");
        Assert.Equal(2, february.RootElement.GetProperty("subjectsConsenting").GetInt64());
        Assert.Equal(1, february.RootElement.GetProperty("subjectsOptedOut").GetInt64());
        var entries = february.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["consent-granted", "consent-granted", "opted-out"], entries.Select(e => e.GetProperty("entry").GetString()));
        Assert.False(entries[0].TryGetProperty("evidence", out _));
        Assert.Equal("express", entries[0].GetProperty("basis").GetString());
        Assert.Equal("sms-keyword", entries[2].GetProperty("method").GetString());

        using var march = await driver.GetJsonAsync("/api/reports/consents?purpose=marketing-sms&asOf=2012-03-02");
        Assert.Equal(1, march.RootElement.GetProperty("subjectsConsenting").GetInt64());
        Assert.Equal("consent-withdrawn", march.RootElement.GetProperty("entries").EnumerateArray().Last().GetProperty("entry").GetString());

        var csv = await driver.GetCsvAsync("/api/reports/consents?purpose=marketing-sms&asOf=2012-03-02");
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("web-form:v1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence", csv, StringComparison.Ordinal);

        // One entry a page: the cursor walks the same entries in the same order, then says there is no more.
        var paged = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 3; page++)
        {
            using var one = await driver.GetJsonAsync($"/api/reports/consents?purpose=marketing-sms&asOf=2012-02-20&limit=1{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            paged.Add(one.RootElement.GetProperty("entries").EnumerateArray().Single().GetProperty("subjectId").GetString()!);
            cursor = one.RootElement.GetProperty("nextCursor").GetString();
            Assert.NotNull(cursor);
        }

        using var last = await driver.GetJsonAsync($"/api/reports/consents?purpose=marketing-sms&asOf=2012-02-20&limit=1&cursor={cursor}");
        Assert.Empty(last.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.RootElement.GetProperty("nextCursor").ValueKind);
        Assert.Equal(entries.Select(e => e.GetProperty("subjectId").GetString()), paged);
    }

    [Fact]
    public async Task Given_signed_and_implied_consents_When_ledger_is_read_Then_each_shows_its_evidence_kind_and_casl_expiry()
    {
        // 2011 and marketing-email: no other test records those.
        var (signed, implied) = (ReportsDriver.NewId("ledger-signed"), ReportsDriver.NewId("ledger-implied"));
        var inquiry = new DateTimeOffset(2011, 1, 5, 9, 0, 0, TimeSpan.Zero);
        await driver.AppendAsync(
        [
            (signed, [new SubjectRegistered { Jurisdiction = "FL" }, new ConsentGranted { Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.ExpressWritten, SignatureMethod = SignatureMethod.ESign, NoticeVersion = "2011-01", Evidence = "signed", OccurredAt = inquiry }]),
            (implied, [new SubjectRegistered { Jurisdiction = "CAN" }, new ConsentGranted { Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Implied, ImpliedBy = ImpliedBy.Inquiry, NoticeVersion = "2011-01", GrantedAt = inquiry, OccurredAt = inquiry.AddDays(1) }]),
        ]);
        await driver.WaitForProjectionsAsync();

        using var ledger = await driver.GetJsonAsync("/api/reports/consents?purpose=marketing-email&asOf=2011-02-01");
        var entries = ledger.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("subjectId").GetString()!);

        Assert.Equal(("express-written", "e-sign"), (entries[signed].GetProperty("basis").GetString(), entries[signed].GetProperty("evidenceKind").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entries[signed].GetProperty("expiresAt").ValueKind);
        Assert.Equal(("implied", "implied-by:inquiry"), (entries[implied].GetProperty("basis").GetString(), entries[implied].GetProperty("evidenceKind").GetString()));
        Assert.Equal(inquiry.AddMonths(6), entries[implied].GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("/api/reports/consents", "purpose")]
    [InlineData("/api/reports/consents?purpose=carrier-pigeon", "purpose")]
    [InlineData("/api/reports/consents?purpose=marketing-sms&asOf=later", "asOf")]
    [InlineData("/api/reports/consents?purpose=marketing-sms&limit=5001", "limit")]
    [InlineData("/api/reports/consents?purpose=marketing-sms&cursor=yesterday", "cursor")]
    public Task Given_bad_parameter_When_ledger_is_read_Then_400_names_it(string url, string parameter) =>
        driver.AssertBadParameterAsync(url, parameter);

    [Fact]
    public async Task Given_known_choices_in_2009_When_the_series_is_read_by_month_and_week_Then_each_period_counts_the_subjects_opted_in_at_its_end()
    {
        // 2009: no other test records choices that early, and later ones fall after every period asked for.
        static DateTimeOffset On(int month, int day) => new(2009, month, day, 9, 0, 0, TimeSpan.Zero);
        var (a, b, c) = (ReportsDriver.NewId("series-a"), ReportsDriver.NewId("series-b"), ReportsDriver.NewId("series-c"));
        await driver.AppendAsync(
        [
            (a, [new SubjectRegistered { Jurisdiction = "TX" }, Granted(On(1, 10), "e"), new ConsentWithdrawn { Purpose = ConsentPurpose.MarketingSms, Evidence = "STOP", OccurredAt = On(3, 1) }, Granted(On(4, 20), "e")]),
            (b, [new SubjectRegistered { Jurisdiction = "TX" }, Granted(On(2, 1), "e"), Granted(On(2, 10), "e again")]),
            (c, [new SubjectRegistered { Jurisdiction = "TX" }, new OptedOut { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword, OccurredAt = On(2, 15) }, new OptedBackIn { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword, OccurredAt = On(4, 5) }]),
        ]);
        await driver.WaitForProjectionsAsync();

        using var monthly = await driver.GetJsonAsync("/api/reports/consents/series?from=2009-01-01T00:00:00Z&to=2009-04-30T00:00:00Z&interval=month&purpose=marketing-sms");
        Assert.Equal(["2009-01-01", "2009-02-01", "2009-03-01", "2009-04-01"], Periods(monthly));
        var sms = monthly.RootElement.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("marketing-sms", sms.GetProperty("purpose").GetString());
        Assert.Equal([1L, 2, 1, 2], Counts(sms, "subjectsConsenting")); // b's second grant is no second subject
        Assert.Equal([0L, 1, 1, 0], Counts(sms, "subjectsOptedOut"));

        // Weeks start on Monday: c's Sunday opt-out (15 February) falls in the week of the 9th.
        using var weekly = await driver.GetJsonAsync("/api/reports/consents/series?from=2009-02-01T00:00:00Z&to=2009-02-20T00:00:00Z&interval=week&purpose=marketing-sms");
        Assert.Equal(["2009-01-26", "2009-02-02", "2009-02-09", "2009-02-16"], Periods(weekly));
        var week = weekly.RootElement.GetProperty("series").EnumerateArray().Single();
        Assert.Equal([2L, 2, 2, 2], Counts(week, "subjectsConsenting"));
        Assert.Equal([0L, 0, 1, 1], Counts(week, "subjectsOptedOut"));

        // No purpose named: both marketing channels, email with nobody.
        using var channels = await driver.GetJsonAsync("/api/reports/consents/series?from=2009-03-01T00:00:00Z&to=2009-03-03T00:00:00Z&interval=day");
        Assert.Equal(["marketing-email", "marketing-sms"], channels.RootElement.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("purpose").GetString()));
        Assert.Equal([0L, 0, 0], Counts(channels.RootElement.GetProperty("series")[0], "subjectsConsenting"));
        Assert.Equal([1L, 1, 1], Counts(channels.RootElement.GetProperty("series")[1], "subjectsConsenting"));
    }

    [Theory]
    [InlineData("/api/reports/consents/series?interval=hour", "interval")]
    [InlineData("/api/reports/consents/series?from=last-year", "from")]
    [InlineData("/api/reports/consents/series?from=2009-02-01T00:00:00Z&to=2009-01-01T00:00:00Z", "from")]
    [InlineData("/api/reports/consents/series?to=sometime", "to")]
    [InlineData("/api/reports/consents/series?purpose=carrier-pigeon", "purpose")]
    [InlineData("/api/reports/consents/series?from=2000-01-01T00:00:00Z&to=2009-01-01T00:00:00Z&interval=day", "interval")]
    public Task Given_bad_parameter_When_the_series_is_read_Then_400_names_it(string url, string parameter) =>
        driver.AssertBadParameterAsync(url, parameter);

    private static string[] Periods(System.Text.Json.JsonDocument report) =>
        [.. report.RootElement.GetProperty("periods").EnumerateArray().Select(p => p.GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    private static long[] Counts(System.Text.Json.JsonElement series, string property) =>
        [.. series.GetProperty(property).EnumerateArray().Select(c => c.GetInt64())];

    private static ConsentGranted Granted(DateTimeOffset at, string evidence) => new()
    {
        Purpose = ConsentPurpose.MarketingSms,
        Basis = ConsentBasis.Express,
        NoticeVersion = "2012-01",
        Channel = "sms",
        Evidence = evidence,
        OccurredAt = at,
    };
}

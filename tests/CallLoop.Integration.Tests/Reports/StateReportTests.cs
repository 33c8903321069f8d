using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

[Collection(ReportsCollection.Name)]
public sealed class StateReportTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_collections_around_new_year_When_window_crosses_it_Then_both_sides_count_and_subjects_are_distinct()
    {
        // Montana in 2013-2014: no other test writes there.
        var (first, second, third) = (ReportsDriver.NewId("mt"), ReportsDriver.NewId("mt"), ReportsDriver.NewId("mt"));
        await driver.AppendAsync(
        [
            (first, [Registered("MT"), Collected(PersonalInformationCategory.Identifiers, At(2013, 12, 20)), Collected(PersonalInformationCategory.Identifiers, At(2014, 1, 10)),
                new InformationDisclosed { DisclosureId = "d1", Recipient = "Ad Network", RecipientType = RecipientType.ThirdParty, Purpose = DisclosurePurpose.Sale, Categories = [PersonalInformationCategory.Identifiers, PersonalInformationCategory.InternetActivity], DisclosedAt = At(2013, 12, 31) }]),
            (second, [Registered("MT"), Collected(PersonalInformationCategory.Identifiers, At(2014, 1, 10)), Collected(PersonalInformationCategory.InternetActivity, At(2013, 6, 1))]),
            (third, [Registered("MT"), Collected(PersonalInformationCategory.InternetActivity, At(2014, 7, 1))]),
        ]);
        await driver.WaitForProjectionsAsync();

        using var report = await driver.GetJsonAsync("/api/reports/states/MT?asOf=2014-06-30");

        var root = report.RootElement;
        Assert.Equal("2013-06-30T00:00:00Z", root.GetProperty("from").GetString());
        var collected = Assert.Single(root.GetProperty("categoriesCollected").EnumerateArray());
        Assert.Equal("A", collected.GetProperty("category").GetString());
        Assert.Equal(2, collected.GetProperty("subjects").GetInt64());
        Assert.Equal(2, Assert.Single(root.GetProperty("sources").EnumerateArray()).GetProperty("subjects").GetInt64());
        var sold = root.GetProperty("sold").EnumerateArray().Select(e => $"{e.GetProperty("category").GetString()}:{e.GetProperty("recipientType").GetString()}:{e.GetProperty("subjects").GetInt64()}");
        Assert.Equal(["A:third-party:1", "F:third-party:1"], sold);
        Assert.Empty(root.GetProperty("shared").EnumerateArray());
        Assert.Empty(root.GetProperty("disclosedForBusinessPurpose").EnumerateArray());
    }

    [Fact]
    public async Task Given_direct_marketing_disclosures_When_report_is_read_Then_those_for_value_count_as_sold()
    {
        // Nebraska in 2012: no other test writes there.
        var (paid, free) = (ReportsDriver.NewId("ne"), ReportsDriver.NewId("ne"));
        await driver.AppendAsync(
        [
            (paid, [Registered("NE"), new InformationDisclosed { DisclosureId = "d1", Recipient = "Mailers Inc", RecipientType = RecipientType.ThirdParty, Purpose = DisclosurePurpose.DirectMarketing, Categories = [PersonalInformationCategory.Identifiers], DisclosedAt = At(2012, 5, 1) }]),
            (free, [Registered("NE"), new InformationDisclosed { DisclosureId = "d1", Recipient = "Charity Mailers", RecipientType = RecipientType.ThirdParty, Purpose = DisclosurePurpose.DirectMarketing, Categories = [PersonalInformationCategory.CustomerRecords], DisclosedAt = At(2012, 5, 1), NoValuableConsideration = true }]),
        ]);
        await driver.WaitForProjectionsAsync();

        using var report = await driver.GetJsonAsync("/api/reports/states/NE?asOf=2012-12-31");

        var sold = report.RootElement.GetProperty("sold").EnumerateArray().Select(e => $"{e.GetProperty("category").GetString()}:{e.GetProperty("subjects").GetInt64()}");
        Assert.Equal(["A:1"], sold);
    }

    [Fact]
    public async Task Given_subject_erased_When_report_is_read_Then_the_collection_still_counts_and_no_value_is_kept()
    {
        var subjectId = ReportsDriver.NewId("erased");
        await driver.AppendAsync(
            subjectId,
            Registered("NH"),
            new PersonalInformationCollected
            {
                Category = PersonalInformationCategory.Identifiers,
                Source = CollectionSource.Direct,
                Purposes = [ProcessingPurpose.ProvideServices],
                Data = new Dictionary<string, string> { ["email"] = "erased@example.com" },
                CollectedAt = At(2015, 5, 1),
            },
            new ErasureStarted { Reason = ErasureReason.DeleteRequest });
        await driver.WaitForProjectionsAsync();

        using var report = await driver.GetJsonAsync("/api/reports/states/NH?asOf=2015-12-31");
        Assert.Equal(1, Assert.Single(report.RootElement.GetProperty("categoriesCollected").EnumerateArray()).GetProperty("subjects").GetInt64());

        using var export = await driver.GetJsonAsync($"/api/subjects/{subjectId}/export");
        Assert.DoesNotContain("erased@example.com", export.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Single(export.RootElement.GetProperty("collections").EnumerateArray());

        await using var connection = await driver.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select row_to_json(f)::text from analytics.state_category_facts f where subject_id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = subjectId });
        var row = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(row);
        Assert.DoesNotContain("erased@example.com", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_report_as_csv_Then_each_figure_is_a_row()
    {
        var subjectId = ReportsDriver.NewId("csv");
        await driver.AppendAsync(subjectId, Registered("ME"), Collected(PersonalInformationCategory.Geolocation, At(2012, 2, 2)));
        await driver.WaitForProjectionsAsync();

        var csv = await driver.GetCsvAsync("/api/reports/states/ME?asOf=2012-12-31");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("state,from,to,section,category,source,source_detail,purpose,recipient_type,subjects", lines[0]);
        Assert.Contains("ME,2011-12-31T00:00:00Z,2012-12-31T00:00:00Z,collected,G,,,,,1", lines);
        Assert.Contains("ME,2011-12-31T00:00:00Z,2012-12-31T00:00:00Z,purpose,,,,analytics,,1", lines);
    }

    [Theory]
    [InlineData("/api/reports/states/ZZ", "state")]
    [InlineData("/api/reports/states/CA?asOf=not-a-date", "asOf")]
    [InlineData("/api/reports/request-metrics?year=1999", "year")]
    [InlineData("/api/reports/request-metrics?year=abc", "year")]
    [InlineData("/api/reports/request-metrics?jurisdiction=XX", "jurisdiction")]
    public Task Given_bad_parameter_When_report_is_read_Then_400_names_it(string url, string parameter) =>
        driver.AssertBadParameterAsync(url, parameter);

    private static SubjectRegistered Registered(string state) => new() { Jurisdiction = state };

    private static PersonalInformationCollected Collected(PersonalInformationCategory category, DateTimeOffset at) => new()
    {
        Category = category,
        Source = CollectionSource.Automatic,
        Purposes = [ProcessingPurpose.Analytics],
        Data = new Dictionary<string, string> { ["x"] = "y" },
        CollectedAt = at,
    };
}

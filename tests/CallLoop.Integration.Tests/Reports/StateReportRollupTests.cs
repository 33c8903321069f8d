using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Reports;
using CallLoop.Silo.Reports.States;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// The rollups must give exactly what counting the facts gives (itself checked against independent counts by
/// <see cref="ReportConsistencyTests"/>), including subjects whose latest fact falls on the window's first day.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class StateReportRollupTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_facts_up_to_now_When_the_report_ending_now_is_read_Then_rollups_answer_it_exactly_as_the_facts_do()
    {
        var now = DateTimeOffset.UtcNow;
        var window = ReportWindow.TwelveMonthsEndingAt(now.AddMinutes(5));
        var random = new Random(77);
        var streams = new List<(string, IReadOnlyList<SubjectEvent>)>();
        for (var i = 0; i < 400; i++)
        {
            // Times cluster around the window's first day and spread over the two years before now; every subject
            // gets several facts so that latest times move forward (and across days) as facts are projected.
            DateTimeOffset At() => random.Next(3) == 0
                ? window.From.AddHours(random.Next(-30, 30)).AddMinutes(random.Next(60))
                : now.AddDays(-random.Next(0, 730)).AddMinutes(-random.Next(1, 1440));
            var events = new List<SubjectEvent> { new SubjectRegistered { Jurisdiction = i % 3 == 0 ? "OR" : "MT" } };
            for (var j = 0; j < 4; j++)
            {
                events.Add(new PersonalInformationCollected
                {
                    Category = (PersonalInformationCategory)random.Next(0, 5),
                    Source = random.Next(2) == 0 ? CollectionSource.Direct : CollectionSource.ThirdParty,
                    SourceDetail = random.Next(2) == 0 ? null : "marketing-partner",
                    Purposes = [random.Next(2) == 0 ? ProcessingPurpose.Analytics : ProcessingPurpose.AccountManagement, ProcessingPurpose.Security],
                    Data = new Dictionary<string, string>(),
                    CollectedAt = At(),
                });
                events.Add(new InformationDisclosed
                {
                    Recipient = "Rollup Partner",
                    RecipientType = random.Next(2) == 0 ? RecipientType.ThirdParty : RecipientType.ServiceProvider,
                    Purpose = (DisclosurePurpose)random.Next(0, 3),
                    Categories = [(PersonalInformationCategory)random.Next(0, 5)],
                    DisclosedAt = At(),
                });
            }

            streams.Add(($"rollup-{Guid.NewGuid():N}", events));
        }

        await driver.AppendAsync(streams);
        await driver.WaitForProjectionsAsync();

        await using var db = NpgsqlDataSource.Create(driver.ConnectionString);
        foreach (var state in new[] { "OR", "MT" })
        {
            var (rolled, fromRollups) = await StateCategoryReportQuery.RunAsync(db, state, window, allowRollups: true, CancellationToken.None);
            var (scanned, fromScan) = await StateCategoryReportQuery.RunAsync(db, state, window, allowRollups: false, CancellationToken.None);

            Assert.True(fromRollups);
            Assert.False(fromScan);
            Assert.NotEmpty(scanned.CategoriesCollected);
            Assert.Equal(Lines(scanned), Lines(rolled));
        }
    }

    [Fact]
    public async Task Given_a_fact_after_the_window_When_the_report_is_read_Then_the_facts_answer_it()
    {
        var subjectId = ReportsDriver.NewId("rollup-late");
        await driver.AppendAsync(subjectId,
            new SubjectRegistered { Jurisdiction = "NH" },
            new PersonalInformationCollected
            {
                Category = PersonalInformationCategory.Identifiers,
                Source = CollectionSource.Direct,
                Purposes = [ProcessingPurpose.Security],
                Data = new Dictionary<string, string>(),
                CollectedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
        await driver.WaitForProjectionsAsync();

        await using var db = NpgsqlDataSource.Create(driver.ConnectionString);
        var (_, fromRollups) = await StateCategoryReportQuery.RunAsync(db, "NH", ReportWindow.TwelveMonthsEndingAt(DateTimeOffset.UtcNow.AddDays(-2)), allowRollups: true, CancellationToken.None);

        Assert.False(fromRollups);
    }

    private static List<string> Lines(StateCategoryReport r) =>
    [
        .. r.CategoriesCollected.Select(c => $"c|{c.Category}|{c.Subjects}"),
        .. r.Sources.Select(s => $"s|{s.Source}|{s.SourceDetail}|{s.Subjects}"),
        .. r.Purposes.Select(p => $"p|{p.Purpose}|{p.Subjects}"),
        .. r.DisclosedForBusinessPurpose.Select(d => $"b|{d.Category}|{d.RecipientType}|{d.Subjects}"),
        .. r.Sold.Select(d => $"x|{d.Category}|{d.RecipientType}|{d.Subjects}"),
        .. r.Shared.Select(d => $"y|{d.Category}|{d.RecipientType}|{d.Subjects}"),
    ];
}

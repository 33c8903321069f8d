using System.Text.Json;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// A few thousand subjects with known facts, appended in bulk; every figure of every state report and of the
/// request metrics is checked against counts the test makes itself from the generated facts.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportConsistencyTests(SiloApplicationFactory factory)
{
    private static readonly DateTimeOffset AsOf = new(2019, 3, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_known_population_When_reports_are_read_Then_every_figure_matches_an_independent_count()
    {
        var population = KnownPopulation.Generate(ReportsDriver.NewId("pop"), 3000, seed: 4242);
        foreach (var batch in population.Streams.Chunk(500))
        {
            await driver.AppendAsync(batch);
        }

        await driver.WaitForProjectionsAsync();

        var from = AsOf.AddMonths(-12);
        var collections = population.Collections.Where(c => c.At > from && c.At <= AsOf).ToList();
        var disclosures = population.Disclosures.Where(d => d.At > from && d.At <= AsOf).ToList();
        Assert.True(collections.Select(c => c.At.Year).Distinct().Count() == 2, "the window must cross a year boundary");

        foreach (var state in KnownPopulation.States)
        {
            using var report = await driver.GetJsonAsync($"/api/reports/states/{state}?asOf=2019-03-15");
            Assert.Equal(Expected(state, collections, disclosures), Actual(report.RootElement));
        }

        await AssertMetricsAsync(population, "CA");
        await AssertMetricsAsync(population, null);
    }

    private static List<string> Expected(string state, List<CollectedFact> collections, List<DisclosedFact> disclosures)
    {
        var c = collections.Where(f => f.State == state).ToList();
        var d = disclosures.Where(f => f.State == state).ToList();
        static int Subjects<T>(IEnumerable<T> facts, Func<T, string> subject) => facts.Select(subject).Distinct().Count();

        var lines = new List<string>();
        lines.AddRange(c.GroupBy(f => f.Category).Select(g => $"collected|{g.Key}|{Subjects(g, f => f.SubjectId)}"));
        lines.AddRange(c.GroupBy(f => (f.Source, f.SourceDetail)).Select(g => $"source|{g.Key.Source}|{g.Key.SourceDetail}|{Subjects(g, f => f.SubjectId)}"));
        lines.AddRange(c.SelectMany(f => f.Purposes.Select(p => (Purpose: p, f.SubjectId))).GroupBy(p => p.Purpose).Select(g => $"purpose|{g.Key}|{Subjects(g, p => p.SubjectId)}"));
        foreach (var (section, purpose) in new[] { ("business", "business-purpose"), ("sold", "sale"), ("shared", "sharing") })
        {
            lines.AddRange(d.Where(f => f.Purpose == purpose).GroupBy(f => (f.Category, f.RecipientType)).Select(g => $"{section}|{g.Key.Category}|{g.Key.RecipientType}|{Subjects(g, f => f.SubjectId)}"));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Actual(JsonElement report)
    {
        string S(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? string.Empty : e.GetProperty(name).ToString();
        var lines = new List<string>();
        lines.AddRange(report.GetProperty("categoriesCollected").EnumerateArray().Select(e => $"collected|{S(e, "category")}|{S(e, "subjects")}"));
        lines.AddRange(report.GetProperty("sources").EnumerateArray().Select(e => $"source|{S(e, "source")}|{S(e, "sourceDetail")}|{S(e, "subjects")}"));
        lines.AddRange(report.GetProperty("purposes").EnumerateArray().Select(e => $"purpose|{S(e, "purpose")}|{S(e, "subjects")}"));
        foreach (var (section, property) in new[] { ("business", "disclosedForBusinessPurpose"), ("sold", "sold"), ("shared", "shared") })
        {
            lines.AddRange(report.GetProperty(property).EnumerateArray().Select(e => $"{section}|{S(e, "category")}|{S(e, "recipientType")}|{S(e, "subjects")}"));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private async Task AssertMetricsAsync(KnownPopulation population, string? jurisdiction)
    {
        var url = "/api/reports/request-metrics?year=2018" + (jurisdiction is null ? string.Empty : "&jurisdiction=" + jurisdiction);
        using var metrics = await driver.GetJsonAsync(url);
        var rows = metrics.RootElement.GetProperty("rights").EnumerateArray().ToDictionary(r => r.GetProperty("right").GetString()!);
        var groups = new Dictionary<string, RightsRequestType[]>
        {
            ["know"] = [RightsRequestType.KnowCategories, RightsRequestType.KnowSpecific],
            ["delete"] = [RightsRequestType.Delete],
            ["correct"] = [RightsRequestType.Correct],
            ["opt-out-sale-sharing"] = [RightsRequestType.OptOutSaleSharing],
            ["limit-sensitive"] = [RightsRequestType.LimitSensitive],
        };
        Assert.Equal(groups.Keys.Order(), rows.Keys.Order());
        foreach (var (right, types) in groups)
        {
            var requests = population.Requests
                .Where(r => types.Contains(r.Type) && r.ReceivedAt.UtcDateTime.Year == 2018 && (jurisdiction is null || r.Jurisdiction == jurisdiction))
                .ToList();
            var row = rows[right];
            var days = requests.Where(r => r.CompletedAt is not null).Select(r => (double)(r.CompletedAt!.Value.UtcDateTime.Date - r.ReceivedAt.UtcDateTime.Date).Days).Order().ToList();
            Assert.True(requests.Count > 0, $"the population must hold {right} requests");
            Assert.Equal(requests.Count, row.GetProperty("received").GetInt64());
            Assert.Equal(requests.Count(r => r.Outcome is RequestOutcome.Fulfilled or RequestOutcome.PartiallyFulfilled), row.GetProperty("compliedInWholeOrPart").GetInt64());
            Assert.Equal(requests.Count(r => r.Outcome == RequestOutcome.Denied), row.GetProperty("denied").GetInt64());
            Assert.Equal(requests.Count(r => r.CompletedAt is null), row.GetProperty("pending").GetInt64());
            // The regulation's breakdown is unverifiable, not a consumer, exempt and other: a fraud denial counts as other.
            foreach (var reason in Enum.GetValues<DenialReason>().Where(r => r != DenialReason.Fraud))
            {
                Assert.Equal(requests.Count(r => (r.DenialReason == DenialReason.Fraud ? DenialReason.Other : r.DenialReason) == reason), row.GetProperty("deniedByReason").GetProperty(EnumText.ToText(reason)).GetInt64());
            }

            Assert.False(row.GetProperty("deniedByReason").TryGetProperty("fraud", out _));

            var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
            Assert.Equal(median, row.GetProperty("medianDaysToRespond").GetDouble(), 3);
            Assert.Equal(Math.Round(days.Average(), 2, MidpointRounding.AwayFromZero), row.GetProperty("meanDaysToRespond").GetDouble(), 3); // the report rounds to 2 places
        }
    }
}

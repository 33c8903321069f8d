using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Sms;

/// <summary>Holds the text-message law table to privacy-law.md ("Text messages"), copied here.</summary>
public class TextingLawTests
{
    private static readonly DateTimeOffset In2026 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int, int, int?, int?, int?> Rows => new()
    {
        // code, start hour, end hour, Sunday start, Sunday end, max per topic per 24 h
        { TextingLawTable.Federal, 8, 21, null, null, null },
        { "FL", 8, 20, null, null, 3 },
        { "OK", 8, 20, null, null, 3 },
        { "MD", 8, 20, null, null, 3 },
        { "WA", 8, 20, null, null, null },
        { "TX", 9, 21, 12, 21, null },
        { "CT", 9, 20, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Given_the_law_Then_the_row_holds_its_hours_and_limit(string code, int start, int end, int? sundayStart, int? sundayEnd, int? limit)
    {
        var rule = TextingLawTable.On(code, In2026);

        Assert.Equal(code, rule.Code);
        Assert.Equal(TextingHours.Between(start, end), rule.Hours);
        Assert.Equal(sundayStart is null ? null : TextingHours.Between(sundayStart.Value, sundayEnd!.Value), rule.SundayHours);
        Assert.Equal(limit, rule.MaxPerTopicPerDay);
    }

    [Fact]
    public void Given_dated_rows_Then_the_federal_rule_applies_before_them_and_other_states_get_it()
    {
        Assert.Equal(TextingLawTable.Federal, TextingLawTable.On("MD", new DateTimeOffset(2023, 12, 31, 12, 0, 0, TimeSpan.Zero)).Code);
        Assert.Equal("MD", TextingLawTable.On("MD", new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)).Code);
        Assert.Equal(TextingLawTable.Federal, TextingLawTable.On("TX", new DateTimeOffset(2025, 8, 31, 12, 0, 0, TimeSpan.Zero)).Code);
        Assert.Equal(TextingLawTable.Federal, TextingLawTable.On("CT", new DateTimeOffset(2023, 9, 30, 12, 0, 0, TimeSpan.Zero)).Code);
        Assert.Equal(TextingLawTable.Federal, TextingLawTable.On("CA", In2026).Code);
        Assert.Null(TextingLawTable.On("CAN", In2026).Hours);
    }

    [Fact]
    public void Given_every_us_jurisdiction_with_a_zone_Then_each_zone_exists()
    {
        Assert.All(TextingLawTable.TimeZones.Values.SelectMany(z => z), id => Assert.True(LocalTime.TryFind(id, out _), id));
        Assert.Equal(["America/New_York", "America/Chicago"], TextingLawTable.ZonesOf("FL"));
    }
}

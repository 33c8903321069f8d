using CallLoop.Domain;
using CallLoop.Grains.Retention;
using Microsoft.Extensions.Configuration;

namespace CallLoop.Integration.Tests.Retention;

public sealed class RetentionOptionsTests
{
    private static RetentionOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new RetentionOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(RetentionOptions.Section).Bind(options);
        return options;
    }

    [Fact]
    public void Given_no_settings_When_periods_read_Then_the_policy_defaults()
    {
        Assert.Equal(RetentionTable.Defaults.AfterAccountEnds, new RetentionOptions().ToPeriods().AfterAccountEnds);
    }

    [Fact]
    public void Given_all_and_one_category_by_letter_and_one_by_name_When_read_Then_categories_win()
    {
        var periods = Bind(new()
        {
            ["CallLoop:Retention:AfterAccountEnds"] = "30.00:00:00",
            ["CallLoop:Retention:Categories:D"] = "2555.00:00:00",
            ["CallLoop:Retention:Categories:Geolocation"] = "00:00:00",
        }).ToPeriods();

        Assert.Equal(TimeSpan.FromDays(2555), periods.For(PersonalInformationCategory.CommercialInformation));
        Assert.Equal(TimeSpan.Zero, periods.For(PersonalInformationCategory.Geolocation));
        Assert.Equal(TimeSpan.FromDays(30), periods.For(PersonalInformationCategory.Identifiers));
        Assert.Equal(TimeSpan.Zero, periods.Shortest);
    }

    [Fact]
    public void Given_without_account_setting_When_read_Then_it_replaces_the_24_month_default()
    {
        Assert.Equal(TimeSpan.FromDays(730), new RetentionOptions().ToPeriods().WithoutAccount);
        Assert.Equal(TimeSpan.FromDays(90), Bind(new() { ["CallLoop:Retention:WithoutAccount"] = "90.00:00:00" }).ToPeriods().WithoutAccount);
    }

    [Theory]
    [InlineData("CallLoop:Retention:Categories:Z", "1.00:00:00")]
    [InlineData("CallLoop:Retention:Categories:A", "-1.00:00:00")]
    [InlineData("CallLoop:Retention:AfterAccountEnds", "-00:00:01")]
    [InlineData("CallLoop:Retention:WithoutAccount", "-00:00:01")]
    public void Given_unknown_category_or_negative_period_When_validated_Then_refused(string key, string value)
    {
        Assert.False(Bind(new() { [key] = value }).IsValid());
    }
}
